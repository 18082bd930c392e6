// PactV3 file bodies: a binary request file that is not UTF-8, one that is
// text (which fails its own contentType rule), a binary response file, and a
// multipart upload, in a V3 pact.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PactV3 } = require('@pact-foundation/pact');

exports.name = 'consumer-v3-files';

const fixtures = path.join(__dirname, '..', 'fixtures');

exports.run = async (h) => {
  const dir = h.pactDir();
  const pact = () => new PactV3({ consumer: 'v3-files', provider: 'files-provider', dir, logLevel: 'error' });
  const blob = fs.readFileSync(path.join(fixtures, 'blob.bin'));
  const text = fs.readFileSync(path.join(fixtures, 'items.txt'));
  await pact().uponReceiving('a binary upload')
    .withRequestBinaryFile({ method: 'PUT', path: '/blob' }, 'application/octet-stream', path.join(fixtures, 'blob.bin'))
    .willRespondWith({ status: 204 })
    .executeTest(async (ms) => {
      await fetch(`${ms.url}/blob`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: blob });
    });
  // the contentType rule on the body sniffs the bytes: text is not
  // application/octet-stream, and the test fails (the same way on both)
  h.record('text file sent as binary', await h.expectFailure(() => pact().uponReceiving('a text file sent as binary')
    .withRequestBinaryFile({ method: 'PUT', path: '/text' }, 'application/octet-stream', path.join(fixtures, 'items.txt'))
    .willRespondWith({ status: 204 })
    .executeTest(async (ms) => {
      await fetch(`${ms.url}/text`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: text });
    })));
  await pact().uponReceiving('a binary download')
    .withRequest({ method: 'GET', path: '/download' })
    .withResponseBinaryFile({ status: 200 }, 'application/octet-stream', path.join(fixtures, 'blob.bin'))
    .executeTest(async (ms) => { await (await fetch(`${ms.url}/download`)).arrayBuffer(); });
  await pact().uponReceiving('a multipart upload')
    .withRequestMultipartFileUpload({ method: 'POST', path: '/upload' }, 'text/plain', path.join(fixtures, 'items.txt'), 'file')
    .willRespondWith({ status: 201 })
    .executeTest(async (ms) => {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/plain' }), 'items.txt');
      await fetch(`${ms.url}/upload`, { method: 'POST', body: form });
    });
};
