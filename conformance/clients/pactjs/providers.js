// providers.js: the HTTP providers the verifier tests run against, shared by
// the tests that verify the fixture pacts and those that verify the pacts the
// run wrote itself.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const blob = fs.readFileSync(path.join(__dirname, 'fixtures', 'blob.bin'));

function itemsProvider(broken) {
  return (req, body) => {
    const u = new URL(req.url, 'http://x');
    if (req.headers['x-filtered'] !== 'yes' || req.headers['x-custom'] !== 'custom-value') {
      return { status: 400, body: { error: 'request filter or custom header missing' } };
    }
    if (req.method === 'GET' && u.pathname === '/items/42') {
      return {
        status: 200,
        body: broken
          ? { id: 'x', name: 7, tags: [], price: 'cheap', created: 'no', sku: 'ABC-7', uid: 'nope', stock: 'no', sizes: [], parts: [2], href: 'ftp://x' }
          : {
            id: 7, name: 'w', tags: ['b', 'c'], price: 1.5, created: '2025-05-06T07:08:09', sku: 'XYZ-77',
            uid: '3f1c0a2e-8d5b-4c1e-9b7a-0123456789ab', stock: true, sizes: [{ s: 'L' }], parts: [9, 1, 'screw'],
            href: 'http://localhost:8080/items/99',
          },
      };
    }
    if (req.method === 'DELETE' && u.pathname === '/items/7') return { status: broken ? 500 : 200 };
    if (req.method === 'GET' && u.pathname === '/orders/5.xml') {
      return {
        status: 200,
        headers: { 'Content-Type': 'application/xml' },
        body: broken ? "<?xml version='1.0'?><order id='x'><item/></order>"
          : "<?xml version='1.0'?><order id='6'><line sku='s2'>two</line><line sku='s3'>three</line></order>",
      };
    }
    if (req.method === 'PUT' && u.pathname === '/blobs/1') {
      return { status: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: broken ? Buffer.from('{"a":1}') : blob };
    }
    if (req.method === 'POST' && u.pathname === '/uploads') return { status: broken ? 400 : 201 };
    return { status: 404 };
  };
}

function ordersProvider(req) {
  const u = new URL(req.url, 'http://x');
  if (req.method === 'GET' && u.pathname === '/orders/10') {
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: {
        at: '11:12', byName: { k9: { v: 2 } }, code: 'XYZ-9', count: 4.5, created: '2025-05-06T07:08:09', day: '2025-05-06',
        email: 'x@y.org', extra: { a: 2, b: 'three' }, few: [5], gone: null, id: 10, items: [{ qty: 2, sku: 's9' }],
        kind: 'retail', lines: [{ type: 'exp' }, { n: 4, type: 'gift' }], note: 'my order', owner: 'ann', paid: false,
        ref: '3f1c0a2e-8d5b-4c1e-9b7a-0123456789ab', some: ['y'], tags: ['a', 'b', 'c'], total: 3.25,
      },
    };
  }
  if (req.method === 'POST' && u.pathname === '/orders') return { status: 201, headers: { Location: '/orders/12' } };
  if (req.method === 'POST' && u.pathname === '/forms') return { status: 204 };
  return { status: 404 };
}

module.exports = { itemsProvider, ordersProvider };
