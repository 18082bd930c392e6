// HTTP provider verification with pact-js's Verifier: state handlers (with
// setup and teardown, and values injected into the request), a request
// filter, custom headers, a provider that answers right and one that answers
// wrong, and a state handler that fails. The pacts are fixtures (written by
// pact-js with the Rust core), so both libraries verify the same files.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');

exports.name = 'verifier-http';

const pacts = path.join(__dirname, '..', 'fixtures', 'pacts');
const blob = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'blob.bin'));

function itemsProvider(broken) {
  return (req, body) => {
    const u = new URL(req.url, 'http://x');
    if (req.headers['x-filtered'] !== 'yes' || req.headers['x-custom'] !== 'custom-value') {
      return { status: 400, body: { error: 'request filter or custom header missing' } };
    }
    if (req.method === 'GET' && u.pathname === '/items/42') {
      return {
        status: 200,
        body: broken
          ? { id: 'x', name: 7, tags: [], price: 'cheap', created: 'no', sku: 'ABC-7', uid: 'nope', stock: 'no', sizes: [], parts: [2], href: 'ftp://x' }
          : {
            id: 7, name: 'w', tags: ['b', 'c'], price: 1.5, created: '2025-05-06T07:08:09', sku: 'XYZ-77',
            uid: '3f1c0a2e-8d5b-4c1e-9b7a-0123456789ab', stock: true, sizes: [{ s: 'L' }], parts: [9, 1, 'screw'],
            href: 'http://localhost:8080/items/99',
          },
      };
    }
    if (req.method === 'DELETE' && u.pathname === '/items/7') return { status: broken ? 500 : 200 };
    if (req.method === 'GET' && u.pathname === '/orders/5.xml') {
      return {
        status: 200,
        headers: { 'Content-Type': 'application/xml' },
        body: broken ? "<?xml version='1.0'?><order id='x'><item/></order>"
          : "<?xml version='1.0'?><order id='6'><line sku='s2'>two</line><line sku='s3'>three</line></order>",
      };
    }
    if (req.method === 'PUT' && u.pathname === '/blobs/1') {
      return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: broken ? Buffer.from('{"a":1}') : blob };
    }
    if (req.method === 'POST' && u.pathname === '/uploads') return { status: broken ? 400 : 201 };
    return { status: 404 };
  };
}

function ordersProvider(req) {
  const u = new URL(req.url, 'http://x');
  if (req.method === 'GET' && u.pathname === '/orders/10') {
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: {
        at: '11:12', byName: { k9: { v: 2 } }, code: 'XYZ-9', count: 4.5, created: '2025-05-06T07:08:09', day: '2025-05-06',
        email: 'x@y.org', extra: { a: 2, b: 'three' }, few: [5], gone: null, id: 10, items: [{ qty: 2, sku: 's9' }],
        kind: 'retail', lines: [{ type: 'exp' }, { n: 4, type: 'gift' }], note: 'my order', owner: 'ann', paid: false,
        ref: '3f1c0a2e-8d5b-4c1e-9b7a-0123456789ab', some: ['y'], tags: ['a', 'b', 'c'], total: 3.25,
      },
    };
  }
  if (req.method === 'POST' && u.pathname === '/orders') return { status: 201, headers: { Location: '/orders/12' } };
  if (req.method === 'POST' && u.pathname === '/forms') return { status: 204 };
  return { status: 404 };
}

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
