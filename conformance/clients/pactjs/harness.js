// harness.js: what every test file of this client run shares.
//
// A test file exports `name` and `async run(h)`. `h.pactDir(sub)` gives an
// empty directory for the pact files a consumer test writes, `h.record(check,
// value)` stores one value to compare between the two libraries (a mismatch
// text, a verifier result), and `h.expectFailure(fn)` runs a test that must
// fail and returns its error text.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');

class Harness {
  constructor(outDir) {
    this.outDir = outDir;
    this.results = {};
    this.current = '';
  }

  // pactDir is a fresh directory under <out>/pacts/<test>/<sub>.
  pactDir(sub = '') {
    const d = path.join(this.outDir, 'pacts', this.current, sub);
    fs.rmSync(d, { recursive: true, force: true });
    fs.mkdirSync(d, { recursive: true });
    return d;
  }

  // record stores a value under "<test>/<check>"; a check name is recorded once.
  record(check, value) {
    const key = `${this.current}/${check}`;
    if (key in this.results) throw new Error(`check ${key} recorded twice`);
    this.results[key] = value;
  }

  // expectFailure runs fn, which must throw, and returns the error's message.
  async expectFailure(fn) {
    try {
      await fn();
    } catch (e) {
      return String((e && e.message) || e);
    }
    throw new Error('the test passed but was meant to fail');
  }
}

// provider starts an HTTP server on a free port; routes maps "METHOD /path"
// (or a function(req, body) returning {status, headers, body}) to responses.
function provider(handler) {
  const srv = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const out = handler(req, Buffer.concat(chunks)) || { status: 404 };
      let body = out.body;
      const headers = { ...(out.headers || {}) };
      if (body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string') {
        body = JSON.stringify(body);
        if (!headers['Content-Type']) headers['Content-Type'] = 'application/json';
      }
      res.writeHead(out.status || 200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    srv.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${srv.address().port}`, close: () => new Promise((r) => srv.close(r)) });
    });
  });
}

// verifierResult turns what pact-js's Verifier resolved or rejected with (the
// pactffi_verifier_json text) into a parsed object; anything else is kept as text.
async function verifierResult(promise) {
  let text;
  let ok = true;
  try {
    text = await promise;
  } catch (e) {
    ok = false;
    text = String((e && e.message) || e);
  }
  try {
    return { resolved: ok, json: JSON.parse(text), raw: text };
  } catch {
    return { resolved: ok, text };
  }
}

module.exports = { Harness, provider, verifierResult };
