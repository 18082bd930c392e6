'use strict';
// libpact for Node: Pact consumer tests (PactV4, MatchersV3) and provider verification (Verifier) on the libpact
// shared library, through koffi. See README.md.

const ffi = require('./lib/ffi');
const MatchersV3 = require('./lib/matchers');
const { PactV4, MockServer, PactMismatchError, formatMismatches } = require('./lib/pact');
const { Verifier } = require('./lib/verifier');
const { MessageConsumerPact, asynchronousBodyHandler } = require('./lib/message');

/** Sends libpact's log at level ('off', 'error', 'warn', 'info', 'debug', 'trace') to stderr. */
function logToStderr(level) {
  const l = ffi.LEVELS[String(level).toLowerCase()];
  if (l === undefined) throw new RangeError(`unknown log level ${level}`);
  ffi.check(ffi.pactffi_log_to_stderr(l) === 0, 'pactffi_log_to_stderr');
}

module.exports = {
  PactV4,
  MatchersV3,
  Matchers: MatchersV3,
  Verifier,
  MessageConsumerPact,
  asynchronousBodyHandler,
  MockServer,
  PactError: ffi.PactError,
  PactMismatchError,
  formatMismatches,
  logToStderr,
  abiVersion: () => ffi.pactffi_version(),
  libraryVersion: () => ffi.libpact_version(),
};
