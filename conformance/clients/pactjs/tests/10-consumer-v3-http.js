// PactV3 HTTP consumer tests: the MatchersV3 matchers, query and headers,
// provider-state injected values, and failing tests whose mismatch text is kept.
'use strict';
const { PactV3, MatchersV3: M } = require('@pact-foundation/pact');

exports.name = 'consumer-v3-http';

exports.run = async (h) => {
  const dir = h.pactDir();
  const pact = () => new PactV3({ consumer: 'v3-consumer', provider: 'v3-provider', dir, logLevel: 'error' });

  await pact()
    .given('an order exists', { id: 10, owner: 'ann' })
    .given('the catalogue is open')
    .uponReceiving('a request for order 10')
    .withRequest({
      method: 'GET',
      path: M.fromProviderState('/orders/${id}', '/orders/10'),
      query: { page: M.regex('\\d+', '2'), sort: ['name', 'date'] },
      headers: { Accept: 'application/json', 'X-Trace': M.uuid('1b4e28ba-2fa1-11d2-883f-0016d3cca427') },
    })
    .willRespondWith({
      status: 200,
      headers: { 'Content-Type': M.regex('application/json.*', 'application/json; charset=utf-8') },
      body: {
        id: M.integer(10),
        owner: M.fromProviderState('${owner}', 'bob'),
        total: M.decimal(12.5),
        count: M.number(3),
        paid: M.boolean(true),
        ref: M.uuid('1b4e28ba-2fa1-11d2-883f-0016d3cca427'),
        created: M.datetime("yyyy-MM-dd'T'HH:mm:ss", '2024-01-02T03:04:05'),
        day: M.date('yyyy-MM-dd', '2024-01-02'),
        at: M.time('HH:mm', '03:04'),
        code: M.regex('[A-Z]{3}-\\d+', 'ABC-1'),
        note: M.includes('order'),
        gone: M.nullValue(),
        kind: M.equal('retail'),
        email: M.email('a@b.io'),
        items: M.eachLike({ sku: M.string('s1'), qty: M.integer(1) }),
        tags: M.atLeastLike('t', 2),
        few: M.atMostLike(1, 3, 2),
        some: M.constrainedArrayLike('x', 1, 4, 2),
        lines: M.arrayContaining({ type: 'gift', n: M.integer(1) }, { type: M.regex('std|exp', 'std') }),
        extra: M.like({ a: 1, b: 'two' }),
        byName: M.eachKeyLike('k1', { v: M.integer(1) }),
      },
    })
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/orders/10?page=7&sort=name&sort=date`, {
        headers: { Accept: 'application/json', 'X-Trace': '3f1c0a2e-8d5b-4c1e-9b7a-0123456789ab' },
      });
      const j = await r.json();
      if (r.status !== 200 || j.id !== 10) throw new Error(`bad response ${r.status}`);
    });

  await pact()
    .uponReceiving('a create order')
    .withRequest({
      method: 'POST',
      path: '/orders',
      headers: { 'Content-Type': 'application/json' },
      body: { owner: M.string('ann'), lines: M.eachLike({ sku: M.regex('s\\d', 's1') }, 1) },
    })
    .willRespondWith({ status: 201, headers: { Location: M.regex('/orders/\\d+', '/orders/11') } })
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ owner: 'zed', lines: [{ sku: 's4' }, { sku: 's5' }] }),
      });
      if (r.status !== 201) throw new Error(`bad status ${r.status}`);
    });

  await pact()
    .uponReceiving('a form post')
    .withRequest({
      method: 'POST',
      path: '/forms',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=two',
    })
    .willRespondWith({ status: 204 })
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/forms`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1&b=two',
      });
      if (r.status !== 204) throw new Error(`bad status ${r.status}`);
    });

  // Failing tests: a wrong body, a wrong query and header, a missing request,
  // an unexpected request. The mismatch text pact-js prints is compared.
  const failDir = h.pactDir('failing');
  const failing = () => new PactV3({ consumer: 'v3-failing', provider: 'v3-provider', dir: failDir, logLevel: 'error' });
  h.record('wrong body', await h.expectFailure(() =>
    failing()
      .uponReceiving('a create with a wrong body')
      .withRequest({
        method: 'POST',
        path: '/items',
        headers: { 'Content-Type': 'application/json' },
        body: { name: M.string('x'), n: M.integer(1), tags: M.eachLike('t', 2), when: M.date('yyyy-MM-dd', '2024-01-02') },
      })
      .willRespondWith({ status: 201 })
      .executeTest(async (ms) => {
        await fetch(`${ms.url}/items`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 5, n: 1.5, tags: ['a'], when: '02/01/2024', more: true }),
        });
      })));
  h.record('wrong query and header', await h.expectFailure(() =>
    failing()
      .uponReceiving('a search with a wrong query')
      .withRequest({ method: 'GET', path: '/search', query: { q: M.regex('[a-z]+', 'abc'), n: '1' }, headers: { 'X-Key': M.regex('k-\\d+', 'k-1') } })
      .willRespondWith({ status: 200 })
      .executeTest(async (ms) => {
        await fetch(`${ms.url}/search?q=ABC&n=2&extra=1`, { headers: { 'X-Key': 'nope' } });
      })));
  h.record('missing request', await h.expectFailure(() =>
    failing()
      .uponReceiving('a request never made')
      .withRequest({ method: 'DELETE', path: '/items/1' })
      .willRespondWith({ status: 204 })
      .executeTest(async () => {})));
  h.record('unexpected request', await h.expectFailure(() =>
    failing()
      .uponReceiving('a ping')
      .withRequest({ method: 'GET', path: '/ping' })
      .willRespondWith({ status: 200 })
      .executeTest(async (ms) => {
        await fetch(`${ms.url}/ping`);
        await fetch(`${ms.url}/pong?x=1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
      })));
};
