// The matcher battery of consumer-mismatches on the provider side: a pact
// whose responses use one matcher each, verified against a provider that
// breaks each of them, so the verifier's mismatch JSON (expected, actual,
// mismatch) is compared matcher by matcher.
'use strict';
const { PactV4, Verifier, MatchersV3: M } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');
const { cases } = require('./29-consumer-mismatches');

exports.name = 'verifier-mismatches';

exports.run = async (h) => {
  const dir = h.pactDir();
  const pact = new PactV4({ consumer: 'vm-consumer', provider: 'vm-provider', dir, logLevel: 'error' });
  for (const [name, [expected]] of Object.entries(cases)) {
    await pact.addInteraction()
      .uponReceiving(`a ${name} response`)
      .withRequest('GET', `/${name}`)
      .willRespondWith(200, (b) => b.jsonBody({ v: expected }))
      .executeTest(async (ms) => { await (await fetch(`${ms.url}/${name}`)).text(); });
  }
  const p = await provider((req) => {
    const c = cases[req.url.slice(1)];
    return c ? { status: 200, body: { v: c[1] } } : { status: 404 };
  });
  h.record('result', await verifierResult(new Verifier({
    provider: 'vm-provider', providerBaseUrl: p.url, logLevel: 'error',
    pactUrls: [`${dir}/vm-consumer-vm-provider.json`],
  }).verifyProvider()));
  await p.close();
};
