// PactV4 HTTP consumer tests: matchers in every part of a request and
// response, a status matcher, XML, binary and multipart bodies, comments and
// pending, and a failing test whose mismatch text is kept.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PactV4, MatchersV3: M, XmlBuilder } = require('@pact-foundation/pact');

exports.name = 'consumer-v4-http';

const fixtures = path.join(__dirname, '..', 'fixtures');

exports.run = async (h) => {
  const dir = h.pactDir();
  const pact = () => new PactV4({ consumer: 'v4-consumer', provider: 'v4-provider', dir, logLevel: 'error' });

  await pact().addInteraction()
    .given('an item 42 exists', { id: 42 })
    .uponReceiving('a request for item 42')
    .comment('pact-js side by side')
    .withRequest('GET', M.fromProviderState('/items/${id}', '/items/42'), (b) => b
      .query({ fields: M.regex('all|some', 'all'), v: ['1', '2'] })
      .headers({ Accept: 'application/json', 'X-Version': M.integer(3) }))
    .willRespondWith(200, (b) => b.headers({ 'Content-Type': 'application/json' }).jsonBody({
      id: M.integer(42),
      name: M.string('widget'),
      tags: M.eachLike('a'),
      price: M.decimal(9.99),
      created: M.datetime("yyyy-MM-dd'T'HH:mm:ss", '2024-01-02T03:04:05'),
      sku: M.regex('[A-Z]{3}-\\d+', 'ABC-1'),
      uid: M.uuid('1b4e28ba-2fa1-11d2-883f-0016d3cca427'),
      stock: M.boolean(false),
      sizes: M.atLeastLike({ s: M.string('M') }, 1, 2),
      parts: M.arrayContaining(M.integer(1), 'screw'),
      href: M.url2('http://localhost:8080', ['items', M.regex('\\d+', '42')]),
    }))
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/items/42?fields=some&v=1&v=2`, { headers: { Accept: 'application/json', 'X-Version': '3' } });
      const j = await r.json();
      if (r.status !== 200 || j.id !== 42) throw new Error(`bad response ${r.status}`);
    });

  await pact().addInteraction()
    .uponReceiving('a status range')
    .pending(true)
    .withRequest('DELETE', '/items/7')
    .willRespondWith(M.matchStatus(204, 'success'))
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/items/7`, { method: 'DELETE' });
      if (r.status !== 204) throw new Error(`bad status ${r.status}`);
    });

  const xml = new XmlBuilder('1.0', 'UTF-8', 'order').build((el) => {
    el.setAttributes({ id: M.integer(5) });
    el.eachLike('line', { sku: M.regex('s\\d', 's1') }, (l) => l.appendText(M.string('a line')), { min: 1 });
  });
  await pact().addInteraction()
    .uponReceiving('an xml order')
    .withRequest('GET', '/orders/5.xml')
    .willRespondWith(200, (b) => b.xmlBody(xml))
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/orders/5.xml`);
      if (r.status !== 200) throw new Error(`bad status ${r.status}`);
      await r.text();
    });

  const blob = fs.readFileSync(path.join(fixtures, 'blob.bin'));
  await pact().addInteraction()
    .uponReceiving('a binary upload')
    .withRequest('PUT', '/blobs/1', (b) => b.binaryFile('application/octet-stream', path.join(fixtures, 'blob.bin')))
    .willRespondWith(200, (b) => b.body('application/octet-stream', blob))
    .executeTest(async (ms) => {
      const r = await fetch(`${ms.url}/blobs/1`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: blob });
      if (r.status !== 200) throw new Error(`bad status ${r.status}`);
      await r.arrayBuffer();
    });

  await pact().addInteraction()
    .uponReceiving('a multipart upload')
    .withRequest('POST', '/uploads', (b) => b.multipartBody('text/plain', path.join(fixtures, 'items.txt'), 'file', 'XBOUNDARYX'))
    .willRespondWith(201)
    .executeTest(async (ms) => {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(path.join(fixtures, 'items.txt'))], { type: 'text/plain' }), 'items.txt');
      const r = await fetch(`${ms.url}/uploads`, { method: 'POST', body: form });
      if (r.status !== 201) throw new Error(`bad status ${r.status}`);
    });

  const failDir = h.pactDir('failing');
  h.record('wrong response-side request', await h.expectFailure(() =>
    new PactV4({ consumer: 'v4-failing', provider: 'v4-provider', dir: failDir, logLevel: 'error' }).addInteraction()
      .uponReceiving('an update')
      .withRequest('PATCH', '/items/1', (b) => b.headers({ 'Content-Type': 'application/json' }).jsonBody({
        price: M.decimal(1.5), tags: M.eachLike(M.regex('[a-z]+', 'a')), meta: { k: M.boolean(true) },
      }))
      .willRespondWith(200)
      .executeTest(async (ms) => {
        await fetch(`${ms.url}/items/1`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ price: 2, tags: ['ok', 'NO'], meta: { k: 'yes' } }),
        });
      })));
  h.record('wrong method', await h.expectFailure(() =>
    new PactV4({ consumer: 'v4-failing', provider: 'v4-provider', dir: failDir, logLevel: 'error' }).addInteraction()
      .uponReceiving('a read')
      .withRequest('GET', '/things', (b) => b.query({ a: '1' }))
      .willRespondWith(200)
      .executeTest(async (ms) => {
        await fetch(`${ms.url}/things?a=1`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' });
      })));
};
