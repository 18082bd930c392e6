// Verifier runs that cannot load their pact: a file that is not a pact and
// one that is not JSON. (A provider that is not running makes pact-js's own
// proxy fail, which the Rust core then retries for two minutes: left out.)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');

exports.name = 'verifier-errors';

exports.run = async (h) => {
  const run = (opts) => verifierResult(new Verifier({ provider: 'diff-provider', logLevel: 'error', ...opts }).verifyProvider());
  // a fixed path, as it is part of the error message
  const tmp = path.join(os.tmpdir(), 'pactjs-bad-pact');
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  try {
    const bad = path.join(tmp, 'not-a-pact.json');
    fs.writeFileSync(bad, '{"consumer": {"name": "x"}, "interactions": 5}');
    const p = await provider(() => ({ status: 200, body: {} }));
    h.record('not a pact', await run({ providerBaseUrl: p.url, pactUrls: [bad] }));
    h.record('not JSON', await run({ providerBaseUrl: p.url, pactUrls: [(fs.writeFileSync(bad, 'nope'), bad)] }));
    await p.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};
