/*
 * h7_check.h - the small assertion helpers of test_message.c, test_model.c,
 * test_matching.c and test_realpacts.c.
 */
#ifndef H7_CHECK_H
#define H7_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pact.h"

static int h7_failures = 0;
static int h7_checks = 0;

#define CHECK(cond, ...)                                              \
  do {                                                                \
    h7_checks++;                                                      \
    if (!(cond)) {                                                    \
      h7_failures++;                                                  \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                   \
      fprintf(stderr, "\n");                                          \
    }                                                                 \
  } while (0)

/* last_error returns the thread's last error message (static buffer). */
static const char *last_error(void) {
  static char buf[4096];
  buf[0] = 0;
  if (pactffi_get_error_message(buf, (int)sizeof buf) < 0) return "";
  return buf;
}

/* CHECK_ERR checks that the last call failed with a non-empty message. */
#define CHECK_ERR(what)                                                       \
  do {                                                                        \
    const char *e_ = last_error();                                            \
    CHECK(e_[0] != 0, "%s: expected an error message, got none", what);       \
  } while (0)

/* CHECK_STR checks s contains want, then frees s (an owned string). */
#define CHECK_HAS(s, want)                                                            \
  do {                                                                                \
    const char *s_ = (s);                                                             \
    CHECK(s_ != NULL && strstr(s_, (want)) != NULL, "%s does not contain %s", s_ ? s_ : "(NULL)", (want)); \
  } while (0)

static int h7_done(const char *name) {
  if (h7_failures) {
    printf("FAILED %s: %d of %d checks failed\n", name, h7_failures, h7_checks);
    return 1;
  }
  printf("PASS %s (%d checks)\n", name, h7_checks);
  return 0;
}

#endif
