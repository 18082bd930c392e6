'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { MessageConsumerPact, asynchronousBodyHandler, MatchersV3: M } = require('..');

test('message pact: the handler gets the reified message and the pact is written', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libpact-node-msg-'));
  const pact = new MessageConsumerPact({ consumer: 'worker', provider: 'orders', dir });
  const seen = [];
  await pact.given('an order exists', { id: 3 })
    .expectsToReceive('an order created event')
    .withContent({ id: M.integer(3), item: M.like('book') })
    .withMetadata({ topic: 'orders', priority: M.regex('high|low', 'high') })
    .verify((message) => { seen.push(message); });
  assert.deepEqual(seen[0].contents, { id: 3, item: 'book' });
  assert.equal(seen[0].metadata.topic, 'orders');
  assert.equal(seen[0].metadata.priority, 'high');

  await pact.expectsToReceive('a text event').withContent('hello', 'text/plain')
    .verify(asynchronousBodyHandler((contents) => assert.equal(contents, 'hello')));

  const doc = JSON.parse(fs.readFileSync(path.join(dir, 'worker-orders.json'), 'utf8'));
  assert.deepEqual(doc.messages.map((m) => m.description).sort(), ['a text event', 'an order created event']);
  const created = doc.messages.find((m) => m.description === 'an order created event');
  assert.deepEqual(created.providerStates, [{ name: 'an order exists', params: { id: 3 } }]);
  assert.deepEqual(created.matchingRules.body['$.id'].matchers, [{ match: 'integer' }]);
});

test('a failing handler rejects and writes nothing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libpact-node-msg-'));
  const pact = new MessageConsumerPact({ consumer: 'w', provider: 'q', dir, spec: 4 });
  await assert.rejects(pact.expectsToReceive('e').withContent({ a: 1 }).verify(() => { throw new Error('bad message'); }), /bad message/);
  assert.equal(fs.existsSync(path.join(dir, 'w-q.json')), false);
  assert.deepEqual(pact.expectsToReceive('v4').withContent({ a: M.integer(1) }).reify().contents, { a: 1 });
});
