// flow.js ADDON_DIR: a consumer test through pact-js-core's prebuilt N-API addon (node.napi.node, which links
// libpact_ffi.so from its own directory): build a V4 pact, serve it, send a request, check, write the file.
const path = require('path');
const fs = require('fs');
const dir = process.argv[2];
const a = require(path.join(dir, 'node.napi.node'));
const http = require('http');
a.pactffiInitWithLogLevel('error');
const pact = a.pactffiNewPact('node-consumer', 'node-provider');
a.pactffiWithSpecification(pact, 5);
const i = a.pactffiNewInteraction(pact, 'a request from node');
a.pactffiUponReceiving(i, 'a request from node');
a.pactffiGiven(i, 'a state');
a.pactffiWithRequest(i, 'GET', '/node');
a.pactffiWithQueryParameter(i, 'q', 0, 'v');
a.pactffiWithHeader(i, 0, 'Accept', 0, 'application/json');
a.pactffiResponseStatus(i, '200');
a.pactffiWithBody(i, 1, 'application/json', JSON.stringify({id: {'pact:matcher:type': 'integer', value: 5}}));
a.pactffiSetPending(i, false);
a.pactffiAddTextComment(i, 'from node');
const port = a.pactffiCreateMockServerForTransport(pact, '127.0.0.1', 0, 'http', '');
console.log('port', port);
http.get({host: '127.0.0.1', port, path: '/node?q=v', headers: {Accept: 'application/json'}}, res => {
  let body = '';
  res.on('data', d => body += d);
  res.on('end', () => {
    console.log('status', res.statusCode, 'body', body);
    const matched = a.pactffiMockServerMatched(port), mismatches = a.pactffiMockServerMismatches(port);
    console.log('matched', matched, 'mismatches', mismatches);
    if (!matched || mismatches !== '[]') process.exit(1);
    if (a.pactffiWritePactFileByPort(port, path.join(dir, 'pacts'), true) !== 0) process.exit(1);
    if (!a.pactffiCleanupMockServer(port)) process.exit(1);
    const file = fs.readFileSync(path.join(dir, 'pacts', 'node-consumer-node-provider.json'), 'utf8');
    const ok = res.statusCode === 200 && body === '{"id":5}' && a.pactffiVersion() === '0.5.8' &&
      file.includes('"from node"') && file.includes('"4.0"');
    console.log(ok ? 'node: pact-js-core addon flow OK' : 'node: FAILED');
    process.exit(ok ? 0 : 1);
  });
});
