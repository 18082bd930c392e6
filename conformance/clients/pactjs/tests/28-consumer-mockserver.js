// What the mock server answers beyond the interactions: CORS preflights
// (pact-js turns corsPreflight on by default), the CORS headers of a matched
// answer, the answer to a request that matches nothing, and a TLS mock
// server (self-signed certificate).
'use strict';
const { PactV4 } = require('@pact-foundation/pact');

exports.name = 'consumer-mockserver';

function corsHeaders(r) {
  const out = {};
  for (const [k, v] of r.headers) {
    if (k.startsWith('access-control-') || k === 'content-type' || k === 'x-pact' || k === 'vary') out[k] = v;
  }
  return out;
}

exports.run = async (h) => {
  const dir = h.pactDir();
  const pact = (opts = {}) => new PactV4({ consumer: 'ms-consumer', provider: 'ms-provider', dir, logLevel: 'error', ...opts });
  const seen = {};
  await pact().addInteraction()
    .uponReceiving('a cors request')
    .withRequest('GET', '/items', (b) => b.headers({ Origin: 'http://app.example' }))
    .willRespondWith(200, (b) => b.jsonBody({ ok: true }))
    .executeTest(async (ms) => {
      const pre = await fetch(`${ms.url}/items`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-token, content-type' },
      });
      seen.preflight = { status: pre.status, headers: corsHeaders(pre) };
      await pre.arrayBuffer();
      const r = await fetch(`${ms.url}/items`, { headers: { Origin: 'http://app.example' } });
      seen.matched = { status: r.status, headers: corsHeaders(r), body: await r.text() };
    });
  h.record('cors', seen);

  const nomatch = {};
  await h.expectFailure(() => pact().addInteraction()
    .uponReceiving('a request that is not made')
    .withRequest('GET', '/expected')
    .willRespondWith(200)
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/unexpected`, { method: 'DELETE' });
      const text = await r.text();
      let keys;
      try { keys = Object.keys(JSON.parse(text)).sort(); } catch { keys = text; }
      nomatch.status = r.status;
      nomatch.headers = corsHeaders(r);
      nomatch.bodyKeys = keys;
    }));
  h.record('no match', nomatch);

  const tls = {};
  const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    await pact({ tls: true }).addInteraction()
      .uponReceiving('a request over tls')
      .withRequest('GET', '/secure')
      .willRespondWith(200, (b) => b.jsonBody({ secure: true }))
      .executeTest(async (ms) => {
        tls.scheme = new URL(ms.url).protocol;
        const r = await fetch(`${ms.url}/secure`);
        tls.status = r.status;
        tls.body = await r.text();
      });
  } finally {
    if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED; else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
  }
  h.record('tls', tls);
};
