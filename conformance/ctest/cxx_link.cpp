// cxx_link.cpp - a C++ program that includes pact.h links against the library (C linkage) and calls it.
#include <cstdio>
#include <cstring>

#include "pact.h"

int main() {
  PactHandle pact = pactffi_new_pact("cxx-consumer", "cxx-provider");
  InteractionHandle i = pactffi_new_interaction(pact, "a request from C++");
  bool ok = pact != 0 && i != 0 && pactffi_with_request(i, "GET", "/cxx") && pactffi_free_pact_handle(pact) == 0;
  if (!ok || std::strcmp(pactffi_version(), "0.5.8") != 0) {
    std::fprintf(stderr, "cxx_link: FAILED\n");
    return 1;
  }
  std::printf("cxx_link: C++ program linked and called libpact (version %s)\n", pactffi_version());
  return 0;
}
