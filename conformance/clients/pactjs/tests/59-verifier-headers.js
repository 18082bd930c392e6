// Response headers and status verified against a provider that gets them
// right, one that gets them wrong (values, a list header, case, a status
// outside the class), and one that redirects without end.
'use strict';
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');

exports.name = 'verifier-headers';

exports.run = async (h) => {
  const pact = path.join(__dirname, '..', 'fixtures', 'pacts', 'hdr-consumer-hdr-provider.json');
  const answers = {
    right: { status: 201, headers: { 'Content-Type': 'application/json;charset=UTF-8', 'x-rate': '7', 'X-Tags': 'a, b', 'cache-control': 'no-cache,no-store', Location: '/items/99' }, body: { ok: true } },
    wrong: { status: 404, headers: { 'content-type': 'text/json', 'X-Rate': 'ten', 'X-Tags': 'b, a', 'Cache-Control': 'no-store', Location: '/other' }, body: { ok: true } },
    'redirect loop': { status: 302, headers: { Location: '/other' }, body: { ok: true } },
  };
  for (const [name, answer] of Object.entries(answers)) {
    const p = await provider(() => answer);
    h.record(name, await verifierResult(new Verifier({
      provider: 'hdr-provider', providerBaseUrl: p.url, pactUrls: [pact], logLevel: 'error',
    }).verifyProvider()));
    await p.close();
  }
};
