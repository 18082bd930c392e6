// h7_messages.js ADDON_DIR: the message calls of pact-js-core's prebuilt N-API addon (node.napi.node, which
// links libpact_ffi.so from its own directory): a V3 asynchronous message built the way pact-js's
// MessageConsumerPact builds it and reified, a V4 pact with an asynchronous and a synchronous message read
// back through the addon's message-iterator calls, and the pact file written.
//   bash conformance/ctest/node_addon.sh LIB ADDON   runs flow.js; run this one the same way:
//   cp ADDON DIR/node.napi.node; cp LIB DIR/libpact_ffi.so; node conformance/ctest/node/h7_messages.js DIR
const path = require('path');
const fs = require('fs');
const dir = process.argv[2];
const a = require(path.join(dir, 'node.napi.node'));
a.pactffiInitWithLogLevel('error');
let failures = 0;
const check = (ok, what) => { if (!ok) { failures++; console.log('FAIL', what); } };

// V3 message pact, as pact-js's MessageConsumerPact does it.
const v3 = a.pactffiNewPact('node-msg-consumer', 'node-msg-provider');
a.pactffiWithSpecification(v3, 4);
const m = a.pactffiNewAsyncMessage(v3, 'an event');
a.pactffiMessageExpectsToReceive(m, 'an order event');
a.pactffiMessageGiven(m, 'an order exists');
a.pactffiMessageGivenWithParam(m, 'a user', 'id', '7');
a.pactffiMessageWithContents(m, 'application/json', JSON.stringify({
  id: {'pact:matcher:type': 'integer', value: 1, 'pact:generator:type': 'RandomInt', min: 10, max: 20},
  name: 'widget',
}));
a.pactffiMessageWithMetadata(m, 'queue', 'orders');
const reified = JSON.parse(a.pactffiMessageReify(m));
check(reified.description === 'an order event', 'description ' + reified.description);
check(reified.contents.id >= 10 && reified.contents.id <= 20, 'generated id ' + reified.contents.id);
check(reified.contents.name === 'widget', 'name');
check(reified.metadata.queue === 'orders' && reified.metadata.contentType === 'application/json', 'metadata');
check(reified.providerStates.length === 2 && reified.providerStates[1].params.id === 7, 'provider states');
const raw = a.pactffiGetAsyncMessageRequestContents(v3, 1, 0);
check(Buffer.isBuffer(raw) && JSON.parse(raw.toString()).id === 1, 'raw contents through the message iterator');
check(a.pactffiWritePactFile(v3, path.join(dir, 'pacts'), true) === 0, 'write V3 pact');
const v3file = JSON.parse(fs.readFileSync(path.join(dir, 'pacts', 'node-msg-consumer-node-msg-provider.json'), 'utf8'));
check(Array.isArray(v3file.messages) && v3file.messages.length === 1, 'V3 message pact file');

// V4: binary async contents and a synchronous message.
const v4 = a.pactffiNewPact('node-v4-consumer', 'node-v4-provider');
a.pactffiWithSpecification(v4, 5);
const b = a.pactffiNewAsyncMessage(v4, 'binary');
a.pactffiMessageWithBinaryContents(b, 'application/octet-stream', Buffer.from([0, 1, 2, 255]), 4);
const bin = a.pactffiGetAsyncMessageRequestContents(v4, 1, 0);
check(bin.length === 4 && bin[3] === 255, 'binary contents ' + bin.toString('hex'));
const s = a.pactffiNewSyncMessage(v4, 'a sync message');
a.pactffiWithBody(s, 0, 'application/json', '{"ping": 1}');
a.pactffiWithBody(s, 1, 'application/json', '{"pong": 1}');
a.pactffiWithBody(s, 1, 'text/plain', 'second');
const req = a.pactffiGetSyncMessageRequestContents(v4, 1, 0);
check(req.toString() === '{"ping":1}', 'sync request ' + req.toString());
const res = a.pactffiGetSyncMessageResponseContents(v4, 1, 0);
check(Array.isArray(res) && res.length === 2 && res[1].toString() === 'second', 'sync responses');
check(a.pactffiWritePactFile(v4, path.join(dir, 'pacts'), true) === 0, 'write V4 pact');
const v4file = fs.readFileSync(path.join(dir, 'pacts', 'node-v4-consumer-node-v4-provider.json'), 'utf8');
check(v4file.includes('"Synchronous/Messages"') && v4file.includes('"Asynchronous/Messages"'), 'V4 file types');

// A message handle that does not exist reifies to "" (never NULL, which the addon cannot take).
check(a.pactffiMessageReify(0) === '', 'reify of handle 0');
console.log(failures ? `node messages: ${failures} FAILED` : 'node messages: pact-js-core addon message calls OK');
process.exit(failures ? 1 : 0);
