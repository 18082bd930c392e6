/* needsnew.c - the negative control: a library linked by zig for glibc 2.34, so it binds
 * pthread_create@GLIBC_2.34 as a gcc-linked libpact does on a distro with glibc 2.34 or later. check_glibc.sh
 * must reject it and oldglibc must fail to load it under the old glibc, or those checks prove nothing. */
#include <pthread.h>

static void *run(void *arg) { return arg; }

int needsnew_start(void) {
  pthread_t t;
  if (pthread_create(&t, 0, run, 0) != 0) return -1;
  return pthread_join(t, 0);
}
