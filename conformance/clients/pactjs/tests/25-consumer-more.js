// More consumer tests: a V4 GraphQL query, eachKeyMatches/eachValueMatches,
// several interactions served by one mock server, an XML body that does not
// match, and a header with several values.
'use strict';
const { PactV3, PactV4, MatchersV3: M, XmlBuilder } = require('@pact-foundation/pact');

exports.name = 'consumer-more';

exports.run = async (h) => {
  const dir = h.pactDir();
  const v4 = () => new PactV4({ consumer: 'more-consumer', provider: 'more-provider', dir, logLevel: 'error' });

  await v4().addGraphQLInteraction()
    .given('heroes exist')
    .uponReceiving('a hero query')
    .withOperation('HeroQuery')
    .withVariables({ episode: 'JEDI' })
    .withRequest('POST', '/graphql')
    .withQuery('query HeroQuery($episode: Episode) { hero(episode: $episode) { name } }')
    .willRespondWith(200, (b) => b.jsonBody({ data: { hero: { name: M.string('R2-D2') } } }))
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ operationName: 'HeroQuery', query: 'query HeroQuery($episode: Episode) {\n  hero(episode: $episode) {\n    name\n  }\n}', variables: { episode: 'JEDI' } }),
      });
      await r.text();
    });

  await v4().addInteraction()
    .uponReceiving('a price list')
    .withRequest('GET', '/prices', (b) => b.headers({ Accept: ['application/json', 'text/plain'] }))
    .willRespondWith(200, (b) => b.jsonBody({
      byCode: M.eachKeyMatches({ AB1: 10 }, M.regex('[A-Z]{2}\\d', 'AB1')),
      amounts: M.eachValueMatches({ a: 1.5 }, M.decimal(1.5)),
    }))
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/prices`, { headers: { Accept: 'application/json, text/plain' } });
      await r.json();
    });

  const v3 = new PactV3({ consumer: 'more-v3', provider: 'more-provider', dir, logLevel: 'error' });
  v3.addInteraction({ uponReceiving: 'first of two', withRequest: { method: 'GET', path: '/one' }, willRespondWith: { status: 200, body: { n: M.integer(1) } } });
  v3.addInteraction({ uponReceiving: 'second of two', withRequest: { method: 'GET', path: '/two', query: { q: ['a', 'b'] } }, willRespondWith: { status: 200, body: { n: M.integer(2) } } });
  await v3.executeTest(async (ms) => {
    await (await fetch(`${ms.url}/two?q=a&q=b`)).json();
    await (await fetch(`${ms.url}/one`)).json();
  });

  const xml = new XmlBuilder('1.0', 'UTF-8', 'order').build((el) => {
    el.setAttributes({ id: M.integer(5) });
    el.eachLike('line', { sku: M.regex('s\\d', 's1') }, (l) => l.appendText(M.string('a line')), { min: 2 });
  });
  h.record('wrong xml request', await h.expectFailure(() => v4().addInteraction()
    .uponReceiving('an xml order upload')
    .withRequest('POST', '/orders', (b) => b.xmlBody(xml))
    .willRespondWith(201)
    .executeTest(async (ms) => {
      await fetch(`${ms.url}/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml' },
        body: "<?xml version='1.0'?><order id='x'><line sku='t9'>one</line><note/></order>",
      });
    })));
  h.record('wrong multi-value header and query', await h.expectFailure(() => v4().addInteraction()
    .uponReceiving('a tagged search')
    .withRequest('GET', '/search', (b) => b.query({ tag: ['a', 'b'] }).headers({ 'X-Ids': ['1', '2'] }))
    .willRespondWith(200)
    .executeTest(async (ms) => {
      await fetch(`${ms.url}/search?tag=b&tag=a&tag=c`, { headers: { 'X-Ids': '2, 1' } });
    })));
};
