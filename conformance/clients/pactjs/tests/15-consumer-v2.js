// The PactV2 DSL (pact-js's Pact class: setup, addInteraction, verify,
// finalize) with the MatchersV2 matchers, writing a V2 pact, and a V2
// failing test.
'use strict';
const { PactV2, MatchersV2: M } = require('@pact-foundation/pact');

exports.name = 'consumer-v2';

exports.run = async (h) => {
  const dir = h.pactDir();
  const p = new PactV2({ consumer: 'v2-consumer', provider: 'v2-provider', dir, logLevel: 'error', spec: 2 });
  await p.setup();
  await p.addInteraction({
    state: 'a user exists',
    uponReceiving: 'a request for users',
    withRequest: {
      method: 'GET',
      path: M.term({ generate: '/users/1', matcher: '/users/\\d+' }),
      query: { active: M.term({ generate: 'true', matcher: 'true|false' }) },
      headers: { Accept: 'application/json' },
    },
    willRespondWith: {
      status: 200,
      headers: { 'Content-Type': M.term({ generate: 'application/json', matcher: 'application/json.*' }) },
      body: {
        id: M.integer(1), name: M.string('ann'), score: M.decimal(2.5), admin: M.boolean(false),
        email: M.email(), created: M.iso8601DateTime(), uid: M.uuid('ce118b6e-d8e1-11e7-9296-cec278b6b50a'),
        friends: M.eachLike({ id: M.somethingLike(2) }, { min: 1 }), hex: M.hexadecimal('3F'),
      },
    },
  });
  const r = await fetch(`${p.mockService.baseUrl}/users/7?active=false`, { headers: { Accept: 'application/json' } });
  if (r.status !== 200) throw new Error(`status ${r.status}`);
  await r.json();
  await p.verify();

  await p.addInteraction({
    uponReceiving: 'a user update',
    withRequest: { method: 'PUT', path: '/users/1', headers: { 'Content-Type': 'application/json' }, body: { name: M.somethingLike('x') } },
    willRespondWith: { status: 204 },
  });
  await fetch(`${p.mockService.baseUrl}/users/1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"name":3}' });
  h.record('wrong body', await h.expectFailure(() => p.verify()));
  await p.finalize();
};
