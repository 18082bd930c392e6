'use strict';
// The verifier runs on a koffi worker thread (.async) while this process's event loop serves the provider.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');

const { PactV4, MatchersV3: M, Verifier } = require('..');

let dir;
let server;
let baseUrl;
let users = {};
const states = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'libpact-node-verify-'));
  const pact = new PactV4({ consumer: 'web', provider: 'users', dir });
  await pact.addInteraction().given('user 1 exists', { id: 1 }).uponReceiving('get user 1')
    .withRequest('GET', '/users/1')
    .willRespondWith(200, (b) => b.headers({ 'Content-Type': 'application/json' }).jsonBody({ id: M.integer(1), name: M.like('Ann') }))
    .executeTest((ms) => fetch(`${ms.url}/users/1`));

  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (req.method === 'POST' && req.url.startsWith('/_pact/state')) {
        states.push(JSON.parse(body || '{}'));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
        return;
      }
      const m = req.url.match(/^\/users\/(\w+)$/);
      if (m && users[m[1]]) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-Seen': req.headers['x-test'] || '' }).end(JSON.stringify(users[m[1]]));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

test('verification passes against a provider in this process', async () => {
  users = { 1: { id: 7, name: 'Bob' } };
  const result = await new Verifier({ provider: 'users', providerBaseUrl: baseUrl, pactUrls: [path.join(dir, 'web-users.json')],
    stateHandlerUrl: `${baseUrl}/_pact/state`, customHeaders: { 'X-Test': 'yes' } }).verifyProvider();
  assert.equal(result.code, 0, result.output);
  assert.ok(result.ok);
  assert.match(result.output, /Verifying a pact between web and users/);
  assert.equal(result.json.result, true);
  assert.deepEqual(states.filter((s) => s.state), [{ action: 'setup', params: { id: 1 }, state: 'user 1 exists' }]);
});

test('verification fails with the mismatch text', async () => {
  users = { 1: { id: 'x' } };
  const result = await new Verifier({ provider: 'users', providerBaseUrl: baseUrl, pactUrls: [dir] }).verifyProvider();
  assert.equal(result.code, 1);
  assert.match(result.output, /\$\.id -> Expected 'x' \(String\) to be an integer/);
  assert.equal(result.json.result, false);
});

test('a missing provider base URL is a TypeError', () => {
  assert.throws(() => new Verifier({ provider: 'users' }), TypeError);
});

test('output is plain text unless colour is asked for', async () => {
  users = { 1: { id: 7, name: 'Bob' } };
  const plain = await new Verifier({ provider: 'users', providerBaseUrl: baseUrl, pactUrls: [dir] }).verifyProvider();
  assert.doesNotMatch(JSON.stringify(plain.json), /\\u001b\[/);
  const coloured = await new Verifier({ provider: 'users', providerBaseUrl: baseUrl, pactUrls: [dir], colour: true }).verifyProvider();
  assert.match(JSON.stringify(coloured.json.output), /\\u001b\[/);
});
