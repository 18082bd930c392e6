// Message consumer tests: a V3 message pact (MessageConsumerPact) and V4
// asynchronous and synchronous messages.
'use strict';
const {
  MessageConsumerPact, PactV4, MatchersV3: M, synchronousBodyHandler, asynchronousBodyHandler,
} = require('@pact-foundation/pact');

exports.name = 'consumer-messages';

exports.run = async (h) => {
  const dir = h.pactDir();
  const v3 = () => new MessageConsumerPact({ consumer: 'msg-consumer', provider: 'msg-provider', dir, logLevel: 'error' });
  await v3()
    .given('an order was placed', { id: 3 })
    .expectsToReceive('an order-placed event')
    .withContent({ id: M.integer(3), at: M.datetime("yyyy-MM-dd'T'HH:mm:ss", '2024-01-02T03:04:05'), lines: M.eachLike({ sku: M.string('s') }) })
    .withMetadata({ topic: 'orders', key: M.regex('o-\\d+', 'o-3') })
    .verify(synchronousBodyHandler((body) => {
      if (body.id !== 3) throw new Error('bad body');
    }));
  await v3()
    .expectsToReceive('a text event')
    .withTextContent('hello', 'text/plain')
    .verify(asynchronousBodyHandler(async () => {}));
  await v3()
    .expectsToReceive('a binary event')
    .withBinaryContent(Buffer.from([0, 1, 2, 250, 255]), 'application/octet-stream')
    .verify(asynchronousBodyHandler(async () => {}));
  h.record('failing handler', await h.expectFailure(() => v3()
    .expectsToReceive('an event the handler refuses')
    .withContent({ n: 1 })
    .verify(synchronousBodyHandler(() => { throw new Error('handler refused the message'); }))));

  const v4dir = h.pactDir('v4');
  const v4 = () => new PactV4({ consumer: 'v4-msg-consumer', provider: 'v4-msg-provider', dir: v4dir, logLevel: 'error' });
  await v4().addAsynchronousInteraction()
    .given('a user exists', { name: 'ann' })
    .expectsToReceive('a user-created event', (b) => b
      .withJSONContent({ name: M.string('ann'), age: M.integer(30), roles: M.atLeastLike('admin', 1) })
      .withMetadata({ queue: 'users', 'content-type': 'application/json' }))
    .executeTest(async (m) => {
      if (!m.contents) throw new Error('no contents');
    });
  await v4().addAsynchronousInteraction()
    // The reference reads a text/plain body as a NUL-terminated string and ignores its size (D11 in
    // ../../README.md): a view of 11 bytes with a NUL after them gives both libraries the same text.
    .expectsToReceive('a raw event', (b) => b.withContent('text/plain', Buffer.from('plain words\0').subarray(0, 11)))
    .executeTest(async () => {});
  await v4().addSynchronousInteraction('a price query')
    .given('prices are loaded')
    .withRequest((r) => r.withJSONContent({ sku: M.string('s1') }))
    .withResponse((r) => r.withJSONContent({ price: M.decimal(1.25) }).withMetadata({ currency: 'EUR' }))
    .executeTest(async (m) => {
      if (!m.Response) throw new Error('no response');
    });
};
