// The pacts this run's consumer tests wrote, verified by the same library
// (right and wrong providers). run.sh also runs this test with the Rust
// library on the pacts libpact wrote (PACTS_FROM), so each verifier reads the
// other's files.
'use strict';
const path = require('node:path');
const { Verifier, MessageProviderPact, providerWithMetadata } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');
const { itemsProvider, ordersProvider } = require('../providers');

exports.name = 'verifier-own-pacts';

exports.run = async (h) => {
  const from = process.env.PACTS_FROM || path.join(h.outDir, 'pacts');
  const stateHandlers = {
    'an item 42 exists': async () => ({ id: 42 }),
    'an order exists': async () => ({ id: 10, owner: 'ann' }),
    'the catalogue is open': async () => {},
  };
  const filters = {
    customProviderHeaders: { 'X-Custom': 'custom-value' },
    requestFilter: (req, res, next) => { req.headers['x-filtered'] = 'yes'; next(); },
  };
  for (const broken of [false, true]) {
    const p = await provider(itemsProvider(broken));
    h.record(`v4 http ${broken ? 'wrong' : 'right'}`, await verifierResult(new Verifier({
      provider: 'v4-provider', providerBaseUrl: p.url, logLevel: 'error', stateHandlers, ...filters,
      pactUrls: [path.join(from, 'consumer-v4-http', 'v4-consumer-v4-provider.json')],
    }).verifyProvider()));
    await p.close();
  }
  const p = await provider(ordersProvider);
  h.record('v3 http', await verifierResult(new Verifier({
    provider: 'v3-provider', providerBaseUrl: p.url, logLevel: 'error', stateHandlers,
    pactUrls: [path.join(from, 'consumer-v3-http', 'v3-consumer-v3-provider.json')],
  }).verifyProvider()));
  await p.close();
  h.record('v3 messages', await verifierResult(new MessageProviderPact({
    provider: 'msg-provider', logLevel: 'error',
    pactUrls: [path.join(from, 'consumer-messages', 'msg-consumer-msg-provider.json')],
    stateHandlers: { 'an order was placed': async () => {} },
    messageProviders: {
      'an order-placed event': providerWithMetadata(() => ({ id: 4, at: '2025-05-06T07:08:09', lines: [{ sku: 'q' }] }), { topic: 'orders', key: 'o-4' }),
      'a text event': () => 'hello',
      'a binary event': () => Buffer.from([0, 1, 2, 250, 255]),
      'an event the handler refuses': () => ({ n: 2 }),
    },
  }).verify()));
  h.record('v4 messages', await verifierResult(new Verifier({
    provider: 'v4-msg-provider', logLevel: 'error',
    pactUrls: [path.join(from, 'consumer-messages', 'v4', 'v4-msg-consumer-v4-msg-provider.json')],
    stateHandlers: { 'a user exists': async () => {}, 'prices are loaded': async () => {} },
    messageProviders: {
      'a user-created event': providerWithMetadata(() => ({ name: 'cy', age: 7, roles: ['r'] }), { queue: 'users', 'content-type': 'application/json' }),
      'a raw event': () => 'plain words',
      'a price query': () => ({ price: 3.5 }),
    },
  }).verifyProvider()));
};
