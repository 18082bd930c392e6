// Message provider verification: a V3 message pact with MessageProviderPact
// and V4 asynchronous and synchronous messages with the Verifier's
// messageProviders, each with a right and a wrong message.
'use strict';
const path = require('node:path');
const { MessageProviderPact, Verifier, providerWithMetadata } = require('@pact-foundation/pact');
const { verifierResult } = require('../harness');

exports.name = 'verifier-messages';

const pacts = path.join(__dirname, '..', 'fixtures', 'pacts');

exports.run = async (h) => {
  for (const broken of [false, true]) {
    const states = [];
    const r = await verifierResult(new MessageProviderPact({
      provider: 'msg-provider',
      pactUrls: [path.join(pacts, 'msg-consumer-msg-provider.json')],
      logLevel: 'error',
      stateHandlers: { 'an order was placed': async (params) => { states.push(params); } },
      messageProviders: {
        'an order-placed event': providerWithMetadata(
          () => (broken ? { id: 'three', at: 'today', lines: [] } : { id: 9, at: '2025-05-06T07:08:09', lines: [{ sku: 'z' }] }),
          { topic: 'orders', key: broken ? 'x-1' : 'o-9' },
        ),
        'a text event': () => (broken ? 'goodbye' : 'hello'),
        'a binary event': () => Buffer.from(broken ? [9, 9] : [0, 1, 2, 250, 255]),
        'an event the handler refuses': () => ({ n: 1 }),
      },
    }).verify());
    h.record(`v3 message provider ${broken ? 'wrong' : 'right'}`, r);
    h.record(`v3 message states ${broken ? 'wrong' : 'right'}`, states);
  }

  for (const broken of [false, true]) {
    const r = await verifierResult(new Verifier({
      provider: 'v4-msg-provider',
      pactUrls: [path.join(pacts, 'v4-msg-consumer-v4-msg-provider.json')],
      logLevel: 'error',
      stateHandlers: { 'a user exists': async () => {}, 'prices are loaded': async () => {} },
      messageProviders: {
        'a user-created event': providerWithMetadata(
          () => (broken ? { name: 1, age: 'old', roles: [] } : { name: 'bo', age: 5, roles: ['a', 'b'] }),
          { queue: 'users', 'content-type': 'application/json' },
        ),
        'a raw event': () => (broken ? 'other words' : 'plain words'),
        'a price query': () => ({ price: broken ? 'free' : 2.5 }),
      },
    }).verifyProvider());
    h.record(`v4 messages ${broken ? 'wrong' : 'right'}`, r);
  }
};
