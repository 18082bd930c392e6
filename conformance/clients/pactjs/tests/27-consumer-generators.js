// Generators: MatchersV3 matchers without an example (RandomInt,
// RandomDecimal, Uuid), url() (MockServerURL), provider-state values in the
// query, a header and the body, in V3 and V4 pacts. The mock server's random
// values are not compared; the pact files are.
'use strict';
const { PactV3, PactV4, MatchersV3: M } = require('@pact-foundation/pact');

exports.name = 'consumer-generators';

exports.run = async (h) => {
  const dir = h.pactDir();
  const body = {
    id: M.integer(), price: M.decimal(), count: M.number(), uid: M.uuid(),
    self: M.url(['orders', M.regex('\\d+', '7')]),
    owner: M.fromProviderState('${owner}', 'ann'),
  };
  const check = async (ms) => {
    const r = await fetch(`${ms.url}/orders/7?user=ann`, { headers: { 'X-User': 'ann' } });
    const j = await r.json();
    if (!j.self.startsWith(ms.url)) throw new Error(`self ${j.self} is not on ${ms.url}`);
  };
  await new PactV3({ consumer: 'gen-v3', provider: 'gen-provider', dir, logLevel: 'error' })
    .given('an order', { owner: 'ann', user: 'ann' })
    .uponReceiving('an order with generated values')
    .withRequest({
      method: 'GET', path: '/orders/7',
      query: { user: M.fromProviderState('${user}', 'ann') },
      headers: { 'X-User': M.fromProviderState('${user}', 'ann') },
    })
    .willRespondWith({ status: 200, body })
    .executeTest(check);
  await new PactV4({ consumer: 'gen-v4', provider: 'gen-provider', dir, logLevel: 'error' }).addInteraction()
    .given('an order', { owner: 'ann', user: 'ann' })
    .uponReceiving('an order with generated values')
    .withRequest('GET', '/orders/7', (b) => b
      .query({ user: M.fromProviderState('${user}', 'ann') })
      .headers({ 'X-User': M.fromProviderState('${user}', 'ann') }))
    .willRespondWith(200, (b) => b.jsonBody(body))
    .executeTest(check);
};
