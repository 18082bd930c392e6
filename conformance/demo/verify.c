/*
 * Provider verification in C, through the pact_ffi ABI of libpact: replays the
 * pact that consumer.c wrote against the running "users" provider and prints
 * the verification report.
 *
 * Usage: verify PACT_FILE PROVIDER_PORT
 * Exit status: 0 verified, 1 verification failed, 2 could not run.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pact.h"

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s PACT_FILE PROVIDER_PORT\n", argv[0]);
    return 2;
  }
  unsigned short port = (unsigned short)atoi(argv[2]);

  struct VerifierHandle *verifier = pactffi_verifier_new_for_application("libpact-demo", "0.1.0");
  pactffi_verifier_set_provider_info(verifier, "users", "http", "127.0.0.1", port, "/");
  /* Provider states are set up (and torn down) through this URL of the provider. */
  char state_url[128];
  snprintf(state_url, sizeof state_url, "http://127.0.0.1:%u/_pact/state", port);
  pactffi_verifier_set_provider_state(verifier, state_url, 1, 1);
  pactffi_verifier_set_verification_options(verifier, 0, 5000);
  pactffi_verifier_set_coloured_output(verifier, 0);
  pactffi_verifier_add_file_source(verifier, argv[1]);

  int rc = pactffi_verifier_execute(verifier);

  /* The report is a caller-owned string. */
  const char *report = pactffi_verifier_output(verifier, 1);
  if (report) {
    fputs(report, stdout);
    pactffi_string_delete((char *)report);
  }
  if (rc == 2) {
    char msg[1024];
    if (pactffi_get_error_message(msg, sizeof msg) > 0) fprintf(stderr, "verifier error: %s\n", msg);
  }
  pactffi_verifier_shutdown(verifier);
  printf("verification %s (exit code %d)\n", rc == 0 ? "PASSED" : "FAILED", rc);
  return rc;
}
