/* header_test.c - include/pact.h must compile on its own as C99 (-pedantic) and as C++11, and its types must
 * have the sizes of the ABI. */
#include "pact.h"

typedef char check_handles[(sizeof(PactHandle) == 2 && sizeof(InteractionHandle) == 4) ? 1 : -1];
typedef char check_string_result[(sizeof(StringResult) == 16) ? 1 : -1];
typedef char check_enum[(sizeof(enum InteractionPart) == sizeof(int)) ? 1 : -1];

int header_test_dummy(void);
int header_test_dummy(void) {
  check_handles a;
  check_string_result b;
  check_enum c;
  (void)a;
  (void)b;
  (void)c;
  return PactSpecification_V4 + LevelFilter_Trace + InteractionPart_Response;
}
