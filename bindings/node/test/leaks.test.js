'use strict';
// Nothing the binding creates outlives its test: libpact's live-object count (the test-only export
// libpact_test_live_handles, not part of pact.h's API) is back where it was after many flows.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ffi = require('../lib/ffi');
const { PactV4, MessageConsumerPact, MatchersV3: M } = require('..');

const liveHandles = ffi.lib.func('int libpact_test_live_handles(void)');

test('no native object outlives its flow', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libpact-node-leak-'));
  const before = liveHandles();
  const pact = new PactV4({ consumer: 'leak', provider: 'p', dir });
  const msgs = new MessageConsumerPact({ consumer: 'leak', provider: 'q', dir });
  for (let k = 0; k < 20; k++) {
    await pact.addInteraction().given('s', { k }).uponReceiving(`r${k}`).withRequest('GET', '/r')
      .willRespondWith(200, (b) => b.jsonBody({ k: M.integer(k) }))
      .executeTest((ms) => fetch(`${ms.url}/r`));
    await assert.rejects(pact.addInteraction().uponReceiving('never').withRequest('GET', '/never').willRespondWith(200)
      .executeTest(async () => {}));
    await msgs.expectsToReceive(`m${k}`).withContent({ k: M.integer(k) }).verify(() => {});
  }
  assert.equal(liveHandles(), before, ffi.lastError());
});

// The garbage collector, with or without node --expose-gc.
function gcFunction() {
  if (typeof global.gc === 'function') return global.gc;
  require('node:v8').setFlagsFromString('--expose-gc');
  return require('node:vm').runInNewContext('gc');
}

test('an interaction described but never run is freed when collected', async () => {
  const gc = gcFunction();
  const before = liveHandles();
  (() => new PactV4({ consumer: 'a', provider: 'b' }).addInteraction().uponReceiving('x').withRequest('GET', '/'))();
  assert.equal(liveHandles(), before + 1);
  for (let k = 0; k < 10 && liveHandles() !== before; k++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(liveHandles(), before);
});
