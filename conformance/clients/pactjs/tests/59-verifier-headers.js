// Response headers and status verified against a provider that gets them
// right, and one that gets them wrong (values, a list header, case, a
// status outside the class).
'use strict';
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');

exports.name = 'verifier-headers';

exports.run = async (h) => {
  const pact = path.join(__dirname, '..', 'fixtures', 'pacts', 'hdr-consumer-hdr-provider.json');
  for (const broken of [false, true]) {
    const p = await provider(() => (broken
      ? { status: 302, headers: { 'content-type': 'text/json', 'X-Rate': 'ten', 'X-Tags': 'b, a', 'Cache-Control': 'no-store', Location: '/other' }, body: { ok: true } }
      : { status: 201, headers: { 'Content-Type': 'application/json;charset=UTF-8', 'x-rate': '7', 'X-Tags': 'a, b', 'cache-control': 'no-cache,no-store', Location: '/items/99' }, body: { ok: true } }));
    h.record(broken ? 'wrong' : 'right', await verifierResult(new Verifier({
      provider: 'hdr-provider', providerBaseUrl: p.url, pactUrls: [pact], logLevel: 'error',
    }).verifyProvider()));
    await p.close();
  }
};
