// A provider verified from a (fake, in-process) Pact Broker: the index, the
// pacts-for-verification call with consumer version selectors, the pact
// with its notices, and publishing the results. What the verifier asked the
// broker, and published, is recorded as well as its result.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Verifier } = require('@pact-foundation/pact');
const { provider, verifierResult } = require('../harness');

exports.name = 'verifier-broker';

const pactFile = path.join(__dirname, '..', 'fixtures', 'pacts', 'diff-consumer-diff-provider.json');

exports.run = async (h) => {
  const calls = [];
  let base = '';
  const broker = await provider((req, body) => {
    const u = new URL(req.url, 'http://x');
    let json;
    try { json = body.length ? JSON.parse(body.toString()) : undefined; } catch { json = body.toString(); }
    calls.push({ method: req.method, path: u.pathname, query: u.search, body: json, accept: req.headers.accept, contentType: req.headers['content-type'] });
    const hal = { 'Content-Type': 'application/hal+json' };
    if (req.method === 'GET' && u.pathname === '/') {
      return {
        status: 200, headers: hal,
        body: { _links: { 'pb:provider-pacts-for-verification': { href: `${base}/pacts/provider/{provider}/for-verification`, templated: true } } },
      };
    }
    if (req.method === 'GET' && u.pathname === '/pacts/provider/diff-provider/for-verification') {
      return {
        status: 200, headers: hal,
        body: { _links: { self: { href: `${base}/pacts/provider/diff-provider/for-verification`, title: 'Pacts to be verified' } } },
      };
    }
    if (req.method === 'POST' && u.pathname === '/pacts/provider/diff-provider/for-verification') {
      return {
        status: 200, headers: hal,
        body: {
          _embedded: {
            pacts: [{
              shortDescription: 'latest from main',
              verificationProperties: {
                pending: false,
                notices: [
                  { when: 'before_verification', text: 'The pact at ... is being verified because it matches the selector {"mainBranch": true}' },
                  { when: 'after_verification:success_false_published_true', text: 'This pact failed and the results were published' },
                ],
              },
              _links: { self: { href: `${base}/pacts/provider/diff-provider/consumer/diff-consumer/pact-version/abc`, name: 'Pact between diff-consumer and diff-provider' } },
            }],
          },
        },
      };
    }
    if (req.method === 'GET' && u.pathname === '/pacts/provider/diff-provider/consumer/diff-consumer/pact-version/abc') {
      const pact = JSON.parse(fs.readFileSync(pactFile, 'utf8'));
      pact._links = {
        'pb:publish-verification-results': { href: `${base}/pacts/provider/diff-provider/consumer/diff-consumer/pact-version/abc/verification-results` },
        'pb:provider': { href: `${base}/pacticipants/diff-provider` },
      };
      return { status: 200, headers: hal, body: pact };
    }
    if (req.method === 'GET' && u.pathname === '/pacticipants/diff-provider') {
      return {
        status: 200, headers: hal,
        body: { name: 'diff-provider', _links: { 'pb:branch-version': { href: `${base}/pacticipants/diff-provider/branches/{branch}/versions/{version}`, templated: true } } },
      };
    }
    if (req.method === 'PUT' && u.pathname.startsWith('/pacticipants/diff-provider/branches/')) {
      return { status: 200, headers: hal, body: { _links: {} } };
    }
    if (req.method === 'POST' && u.pathname.endsWith('/verification-results')) {
      return { status: 201, headers: hal, body: { _links: {} } };
    }
    return { status: 404, headers: hal, body: {} };
  });
  base = broker.url;
  const p = await provider(() => ({ status: 200, body: { a: 1 } }));
  const r = await verifierResult(new Verifier({
    provider: 'diff-provider',
    providerBaseUrl: p.url,
    pactBrokerUrl: broker.url,
    consumerVersionSelectors: [{ mainBranch: true }],
    providerVersion: '1.2.3',
    providerVersionBranch: 'main',
    publishVerificationResult: true,
    logLevel: 'error',
  }).verifyProvider());
  h.record('result', r);
  for (const c of calls) {
    if (c.body && typeof c.body === 'object' && c.body.verifiedBy) c.body.verifiedBy = '(library)';
  }
  h.record('broker calls', calls.splice(0));

  // the other selection options pact-js passes: pending, WIP pacts,
  // provider tags, consumer tags (turned into selectors); no publishing
  h.record('pending and wip result', await verifierResult(new Verifier({
    provider: 'diff-provider',
    providerBaseUrl: p.url,
    pactBrokerUrl: broker.url,
    consumerVersionTags: ['main', 'prod'],
    providerVersionTags: ['prod'],
    enablePending: true,
    includeWipPactsSince: '2024-01-01',
    logLevel: 'error',
  }).verifyProvider()));
  h.record('pending and wip calls', calls);
  await p.close();
  await broker.close();
};
