/*
 * errors.c - the last error of each thread, in C thread-local storage (pact_ffi keeps a thread-local
 * LAST_ERROR). A cgo call from C runs on the calling OS thread for its whole duration, so errors.go reaches
 * the caller's thread here; a thread that exits takes its message with it, and a new thread starts empty.
 */
#include <stdlib.h>
#include <string.h>

static __thread char *last_error = NULL;
static __thread size_t last_error_len = 0;

/* libpact_set_last_error stores a copy of msg (n bytes, may contain NUL bytes); msg NULL clears it. */
__attribute__((visibility("hidden"))) void libpact_set_last_error(const char *msg, size_t n) {
  free(last_error);
  last_error = NULL;
  last_error_len = 0;
  if (msg == NULL) return;
  last_error = (char *)malloc(n + 1);
  if (last_error == NULL) return;
  memcpy(last_error, msg, n);
  last_error[n] = 0;
  last_error_len = n;
}

/* libpact_last_error returns the thread's message (NULL if none) and its length in *n. */
__attribute__((visibility("hidden"))) const char *libpact_last_error(size_t *n) {
  *n = last_error_len;
  return last_error;
}
