// Verifier sources and filters: a directory of pacts for several providers
// (only this provider's are verified), the description and provider-state
// filters pact-js takes from PACT_DESCRIPTION / PACT_PROVIDER_STATE, a filter
// that selects nothing, and a source with no pact for the provider.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');
const { ordersProvider } = require('../providers');

exports.name = 'verifier-sources';

const pacts = path.join(__dirname, '..', 'fixtures', 'pacts');

async function withEnv(env, fn) {
  const old = {};
  for (const [k, v] of Object.entries(env)) { old[k] = process.env[k]; process.env[k] = v; }
  try { return await fn(); } finally {
    for (const k of Object.keys(env)) { if (old[k] === undefined) delete process.env[k]; else process.env[k] = old[k]; }
  }
}

exports.run = async (h) => {
  const p = await provider(ordersProvider);
  const stateHandlers = {
    'an order exists': async () => ({ id: 10, owner: 'ann' }),
    'the catalogue is open': async () => {},
  };
  const run = (opts) => verifierResult(new Verifier({
    provider: 'v3-provider', providerBaseUrl: p.url, logLevel: 'error', stateHandlers, ...opts,
  }).verifyProvider());
  h.record('directory source', await run({ pactUrls: [pacts] }));
  h.record('description filter', await withEnv({ PACT_DESCRIPTION: 'a create order' }, () => run({ pactUrls: [pacts] })));
  h.record('state filter', await withEnv({ PACT_PROVIDER_STATE: 'an order exists' }, () => run({ pactUrls: [pacts] })));
  h.record('filter selecting nothing', await withEnv({ PACT_DESCRIPTION: 'no such interaction' }, () => run({ pactUrls: [pacts] })));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pactjs-empty-'));
  try {
    h.record('empty directory', await run({ pactUrls: [empty] }));
    h.record('empty directory, failIfNoPactsFound', await run({ pactUrls: [empty], failIfNoPactsFound: true }));
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
  await p.close();
};
