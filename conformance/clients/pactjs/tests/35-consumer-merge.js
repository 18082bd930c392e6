// Pact files written more than once: pact-js writes after each test and
// merges with the file already there (a second test adds an interaction, a
// third changes one), for a V3 and a V4 pact.
'use strict';
const { PactV3, PactV4, MatchersV3: M } = require('@pact-foundation/pact');

exports.name = 'consumer-merge';

exports.run = async (h) => {
  const dir = h.pactDir();
  const get = async (ms, p) => (await fetch(`${ms.url}${p}`)).text();
  const v3 = () => new PactV3({ consumer: 'merge-v3', provider: 'merge-provider', dir, logLevel: 'error' });
  const v4 = () => new PactV4({ consumer: 'merge-v4', provider: 'merge-provider', dir, logLevel: 'error' });
  for (const [name, body] of [['b first', { n: M.integer(1) }], ['a second', { s: M.string('x') }], ['b first', { n: M.decimal(1.5) }]]) {
    await v3().uponReceiving(name).withRequest({ method: 'GET', path: `/${name.replace(' ', '-')}` })
      .willRespondWith({ status: 200, body })
      .executeTest((ms) => get(ms, `/${name.replace(' ', '-')}`));
    await v4().addInteraction().uponReceiving(name).withRequest('GET', `/${name.replace(' ', '-')}`)
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest((ms) => get(ms, `/${name.replace(' ', '-')}`));
  }
};
