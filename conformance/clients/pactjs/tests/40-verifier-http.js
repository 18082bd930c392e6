// HTTP provider verification with pact-js's Verifier: state handlers (with
// setup and teardown, and values injected into the request), a request
// filter, custom headers, a provider that answers right and one that answers
// wrong, and a state handler that fails. The pacts are fixtures (written by
// pact-js with the Rust core), so both libraries verify the same files.
'use strict';
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');
const { itemsProvider, ordersProvider } = require('../providers');

exports.name = 'verifier-http';

const pacts = path.join(__dirname, '..', 'fixtures', 'pacts');

async function verify(h, check, opts) {
  const r = await verifierResult(new Verifier({ logLevel: 'error', ...opts }).verifyProvider());
  h.record(check, r);
  return r;
}

exports.run = async (h) => {
  const calls = [];
  const stateHandlers = {
    'an item 42 exists': {
      setup: async (params) => { calls.push(['setup', params]); return { id: 42 }; },
      teardown: async (params) => { calls.push(['teardown', params]); },
    },
  };
  const common = {
    provider: 'v4-provider',
    pactUrls: [path.join(pacts, 'v4-consumer-v4-provider.json')],
    stateHandlers,
    customProviderHeaders: { 'X-Custom': 'custom-value' },
    requestFilter: (req, res, next) => { req.headers['x-filtered'] = 'yes'; next(); },
  };

  let p = await provider(itemsProvider(false));
  await verify(h, 'v4 good provider', { ...common, providerBaseUrl: p.url });
  h.record('v4 state handler calls', calls.splice(0));
  await p.close();

  p = await provider(itemsProvider(true));
  await verify(h, 'v4 broken provider', { ...common, providerBaseUrl: p.url });
  calls.splice(0);
  await p.close();

  p = await provider(ordersProvider);
  const seen = [];
  await verify(h, 'v3 with injected values', {
    provider: 'v3-provider',
    providerBaseUrl: p.url,
    pactUrls: [path.join(pacts, 'v3-consumer-v3-provider.json')],
    stateHandlers: {
      'an order exists': async (params) => { seen.push(params); return { id: 10, owner: 'ann' }; },
      'the catalogue is open': async () => { seen.push('open'); },
    },
  });
  h.record('v3 state handler params', seen);
  await verify(h, 'v3 failing state handler', {
    provider: 'v3-provider',
    providerBaseUrl: p.url,
    pactUrls: [path.join(pacts, 'v3-consumer-v3-provider.json')],
    stateHandlers: {
      'an order exists': async () => { throw new Error('the database is down'); },
      'the catalogue is open': async () => {},
    },
  });
  await verify(h, 'v3 missing state handler', {
    provider: 'v3-provider',
    providerBaseUrl: p.url,
    pactUrls: [path.join(pacts, 'v3-consumer-v3-provider.json')],
  });
  await p.close();
};
