// hook.js - a Node script (koffi): an internal error inside libpact (libpact_test_panic, the documented
// test-only hook) comes back as the failure value -1 and a last-error message, and the process goes on.
//   NODE_PATH=<dir with koffi> node hook.js /path/to/libpact_ffi.so
'use strict';
const koffi = require('koffi');

const lib = koffi.load(process.argv[2] || process.env.LIBPACT);
const testPanic = lib.func('int libpact_test_panic(int mode)');
const liveHandles = lib.func('int libpact_test_live_handles(void)');
const getErrorMessage = lib.func('int pactffi_get_error_message(_Out_ uint8_t *buffer, int length)');
const newPact = lib.func('uint16_t pactffi_new_pact(const char *consumer, const char *provider)');
const freePact = lib.func('unsigned int pactffi_free_pact_handle(uint16_t pact)');

function lastError() {
  const buf = Buffer.alloc(1024);
  const n = getErrorMessage(buf, buf.length);
  return n > 0 ? buf.toString('utf8', 0, n - 1) : `<get_error_message returned ${n}>`;
}

const failures = [];
for (let round = 0; round < 100; round++) {
  for (const mode of [1, 2, 3, 4]) {
    const r = testPanic(mode);
    const msg = lastError();
    if (r !== -1 || !msg.includes('libpact_test_panic: internal error')) {
      failures.push(`mode ${mode}: returned ${r}, message ${JSON.stringify(msg)}`);
    }
  }
}
const h = newPact('node-consumer', 'node-provider');
if (h === 0 || freePact(h) !== 0) failures.push('the library does not work after the internal errors: ' + lastError());
if (liveHandles() !== 0) failures.push('live handles left: ' + lastError());
for (const f of failures) console.log('FAIL', f);
console.log(`hook (Node koffi): 400 internal errors caught, process still running: ${failures.length ? 'FAIL' : 'ok'}`);
process.exit(failures.length ? 1 : 0);
