// Verifier failures whose output shows a body diff: one body mismatch per
// interaction, so the reference's choice of the mismatch to diff (the first
// of a hash map) is not random.
'use strict';
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');

exports.name = 'verifier-diffs';

exports.run = async (h) => {
  const p = await provider((req) => {
    switch (req.url) {
      case '/missing': return { body: { a: 1, e: 'caf\u00e9' } };
      case '/nested': return { body: { b: { c: 3 }, c: { x: [1, 2], y: 'two\nlines' } } };
      case '/list': return { body: [{ id: 1 }, { id: 3 }] };
      case '/text': return { headers: { 'Content-Type': 'text/plain' }, body: 'goodbye' };
      default: return { status: 404 };
    }
  });
  h.record('diffs', await verifierResult(new Verifier({
    provider: 'diff-provider',
    providerBaseUrl: p.url,
    pactUrls: [path.join(__dirname, '..', 'fixtures', 'pacts', 'diff-consumer-diff-provider.json')],
    logLevel: 'error',
  }).verifyProvider()));
  await p.close();
};
