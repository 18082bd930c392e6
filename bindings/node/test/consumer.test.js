'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { PactV4, MatchersV3, PactError, PactMismatchError } = require('..');
const { like, eachLike, integer, regex, boolean, datetime } = MatchersV3;

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'libpact-node-'));
const readPact = (dir, c = 'web', p = 'users') => JSON.parse(fs.readFileSync(path.join(dir, `${c}-${p}.json`), 'utf8'));

test('consumer test end to end with fetch writes the pact', async () => {
  const dir = tmp();
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir });
  const got = await pact.addInteraction()
    .given('user exists', { id: 1 })
    .uponReceiving('a request for user 1')
    .withRequest('GET', '/users/1', (b) => b.query({ full: 'yes' }).headers({ Accept: 'application/json' }))
    .willRespondWith(200, (b) => b.headers({ 'Content-Type': 'application/json' })
      .jsonBody({ id: integer(1), name: like('Ann'), roles: eachLike('admin', 2), active: boolean(true),
        seen: datetime("yyyy-MM-dd'T'HH:mm:ss", '2024-01-02T03:04:05') }))
    .executeTest(async (mockServer) => {
      assert.match(mockServer.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${mockServer.url}/users/1?full=yes`, { headers: { Accept: 'application/json' } });
      assert.equal(res.status, 200);
      return res.json();
    });
  assert.deepEqual(got, { id: 1, name: 'Ann', roles: ['admin', 'admin'], active: true, seen: '2024-01-02T03:04:05' });

  // A second test of the same pact object: the file is merged.
  await pact.addInteraction()
    .uponReceiving('create a user')
    .withRequest('POST', regex('/users', '/users'), (b) => b.jsonBody({ name: like('Bob') }))
    .willRespondWith(201)
    .executeTest(async (ms) => {
      const res = await fetch(`${ms.url}/users`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Zed' }) });
      assert.equal(res.status, 201);
    });

  const doc = readPact(dir);
  assert.equal(doc.metadata.pactSpecification.version, '4.0');
  assert.deepEqual(doc.interactions.map((i) => i.description).sort(), ['a request for user 1', 'create a user']);
  const get = doc.interactions.find((i) => i.description === 'a request for user 1');
  assert.deepEqual(get.providerStates, [{ name: 'user exists', params: { id: 1 } }]);
  assert.deepEqual(get.request.query, { full: ['yes'] });
  const rules = get.response.matchingRules.body;
  assert.deepEqual(rules['$.id'].matchers, [{ match: 'integer' }]);
  assert.deepEqual(rules['$.roles'].matchers, [{ match: 'type', min: 2 }]);
  assert.deepEqual(rules['$.seen'].matchers, [{ match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ss" }]);
});

test('a mismatch fails the test with readable text', async () => {
  const dir = tmp();
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir });
  await assert.rejects(
    pact.addInteraction()
      .uponReceiving('create a user')
      .withRequest('POST', '/users', (b) => b.jsonBody({ name: like('x') }))
      .willRespondWith(201)
      .executeTest(async (ms) => {
        const res = await fetch(`${ms.url}/users`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name": 3}' });
        assert.equal(res.status, 500);
        await fetch(`${ms.url}/elsewhere`);
      }),
    (err) => {
      assert.ok(err instanceof PactMismatchError);
      assert.ok(err instanceof PactError);
      assert.match(err.message, /Request mismatch: POST \/users/);
      assert.match(err.message, /BodyMismatch at \$\.name: Expected 3 \(Integer\) to be the same type as 'x' \(String\)/);
      assert.match(err.message, /Unexpected request: GET \/elsewhere matches no interaction/);
      assert.deepEqual(err.mismatches.map((m) => m.type).sort(), ['request-mismatch', 'request-not-found']);
      return true;
    });
  assert.equal(fs.existsSync(path.join(dir, 'web-users.json')), false);
});

test('a request never made is reported as missing; a test error is kept as the cause', async () => {
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir: tmp() });
  await assert.rejects(
    pact.addInteraction().uponReceiving('list').withRequest('GET', '/users').willRespondWith(200)
      .executeTest(async () => { throw new Error('client broke'); }),
    (err) => {
      assert.match(err.message, /Missing request: GET \/users was expected but never received/);
      assert.equal(err.cause.message, 'client broke');
      return true;
    });
});

test('a test error with all requests matched is rethrown as is', async () => {
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir: tmp() });
  await assert.rejects(
    pact.addInteraction().uponReceiving('list').withRequest('GET', '/users').willRespondWith(200)
      .executeTest(async (ms) => { await fetch(`${ms.url}/users`); throw new RangeError('assertion in test'); }),
    RangeError);
});

test('binary and text bodies', async () => {
  const dir = tmp();
  const pact = new PactV4({ consumer: 'web', provider: 'blobs', dir, spec: 3 });
  await pact.addInteraction().uponReceiving('upload').withRequest('PUT', '/blob', (b) => b.body('application/octet-stream', Buffer.from([0, 1, 255])))
    .willRespondWith(200, (b) => b.body('text/plain', 'stored'))
    .executeTest(async (ms) => {
      const res = await fetch(`${ms.url}/blob`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from([0, 1, 255]) });
      assert.equal(await res.text(), 'stored');
    });
  assert.equal(readPact(dir, 'web', 'blobs').metadata.pactSpecification.version, '3.0.0');
});

test('library errors surface as PactError with the library message', () => {
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir: tmp() });
  assert.throws(
    () => pact.addInteraction().uponReceiving('x').withRequest('POST', '/x', (b) => b.jsonBody({ a: { 'pact:matcher:type': 'arrayContains' } })),
    { name: 'PactError', message: "pactffi_with_body: JSON body: $.a: arrayContains matcher is missing the 'variants' attribute (an array)" });
  assert.throws(() => pact.addInteraction().withRequest('GET', '/'), /call uponReceiving\(\) first/);
  assert.throws(() => new PactV4({ consumer: 'a', provider: 'b', spec: 9 }), RangeError);
});

test('the mock server reports a bad host with its code', async () => {
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir: tmp(), host: 'no such host!' });
  await assert.rejects(
    pact.addInteraction().uponReceiving('x').withRequest('GET', '/x').willRespondWith(200).executeTest(async () => {}),
    (err) => err instanceof PactError && err.code === -5 && /is not a host address/.test(err.message));
});

test('V4 comments, test name and pending', async () => {
  const dir = tmp();
  const pact = new PactV4({ consumer: 'web', provider: 'v4', dir });
  await pact.addInteraction().uponReceiving('extras').withRequest('GET', '/v4').willRespondWith(200)
    .comment('a note').testName('V4 extras test').pending()
    .executeTest((ms) => fetch(`${ms.url}/v4`));
  const [inter] = readPact(dir, 'web', 'v4').interactions;
  assert.deepEqual(inter.comments.text, ['a note']);
  assert.equal(inter.comments.testname, 'V4 extras test');
  assert.equal(inter.pending, true);
});

test('an interaction runs once', async () => {
  const pact = new PactV4({ consumer: 'web', provider: 'once', dir: tmp() });
  const i = pact.addInteraction().uponReceiving('x').withRequest('GET', '/x').willRespondWith(200);
  await i.executeTest((ms) => fetch(`${ms.url}/x`));
  await assert.rejects(i.executeTest(async () => {}), /already been run/);
});
