/*
 * errors.c - the last error of each thread, in C thread-local storage (pact_ffi keeps a thread-local
 * LAST_ERROR). A cgo call from C runs on the calling OS thread for its whole duration, so errors.go reaches
 * the caller's thread here. The message hangs off a pthread key whose destructor frees it when the thread
 * exits (a plain __thread pointer would leak one message per exited thread), and a new thread starts empty.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A message and its length (it may contain NUL bytes). */
struct last_error {
  size_t n;
  char s[];
};

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static int key_ok = 0;

static void make_key(void) { key_ok = pthread_key_create(&key, free) == 0; }

/* libpact_set_last_error stores a copy of msg (n bytes, may contain NUL bytes); msg NULL clears it. */
__attribute__((visibility("hidden"))) void libpact_set_last_error(const char *msg, size_t n) {
  struct last_error *old, *e = NULL;
  pthread_once(&key_once, make_key);
  if (!key_ok) return;
  old = (struct last_error *)pthread_getspecific(key);
  if (msg != NULL) {
    e = (struct last_error *)malloc(sizeof *e + n + 1);
    if (e != NULL) {
      e->n = n;
      memcpy(e->s, msg, n);
      e->s[n] = 0;
    }
  }
  if (pthread_setspecific(key, e) != 0) {
    free(e);
    return;
  }
  free(old);
}

/* libpact_last_error returns the thread's message (NULL if none) and its length in *n. */
__attribute__((visibility("hidden"))) const char *libpact_last_error(size_t *n) {
  struct last_error *e;
  pthread_once(&key_once, make_key);
  e = key_ok ? (struct last_error *)pthread_getspecific(key) : NULL;
  *n = e != NULL ? e->n : 0;
  return e != NULL ? e->s : NULL;
}
