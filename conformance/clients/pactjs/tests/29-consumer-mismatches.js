// A battery of request bodies that break one MatchersV3 matcher each, to
// compare the mock server's mismatch texts matcher by matcher.
'use strict';
const { PactV4, MatchersV3: M } = require('@pact-foundation/pact');

exports.name = 'consumer-mismatches';
exports.cases = undefined; // set below, used by verifier-mismatches

const cases = {
  integer: [M.integer(1), 1.5],
  decimal: [M.decimal(1.5), 2],
  number: [M.number(1), 'one'],
  boolean: [M.boolean(true), 'true'],
  string: [M.string('s'), 5],
  regex: [M.regex('^[a-z]+$', 'abc'), 'ABC'],
  uuid: [M.uuid('1b4e28ba-2fa1-11d2-883f-0016d3cca427'), 'not-a-uuid'],
  includes: [M.includes('need'), 'nothing here'],
  nullValue: [M.nullValue(), 0],
  equal: [M.equal({ a: 1 }), { a: 2 }],
  date: [M.date('yyyy-MM-dd', '2024-01-02'), '2024-13-45'],
  time: [M.time('HH:mm:ss', '10:11:12'), '25:61:00'],
  eachLikeItem: [M.eachLike({ id: M.integer(1) }), [{ id: 'x' }, { id: 2 }]],
  atMostLike: [M.atMostLike('a', 2), ['a', 'b', 'c']],
  arrayContaining: [M.arrayContaining(M.integer(1), 'x'), [1.5, 'y']],
  eachKeyMatches: [M.eachKeyMatches({ ab: 1 }, M.regex('^[a-z]+$', 'ab')), { AB: 1 }],
  eachValueMatches: [M.eachValueMatches({ a: 1 }, M.integer(1)), { a: 'x' }],
  like: [M.like({ n: 1, s: 'x' }), { n: 'y', s: 2 }],
  missingKey: [{ present: 1, gone: 2 }, { present: 1 }],
  nested: [{ a: { b: { c: M.integer(1) } } }, { a: { b: { c: [] } } }],
  emptyList: [[], [1]],
  listLength: [[1, 2], [1]],
};

exports.cases = cases;

exports.run = async (h) => {
  const dir = h.pactDir();
  for (const [name, [expected, actual]] of Object.entries(cases)) {
    h.record(name, await h.expectFailure(() => new PactV4({ consumer: 'mm-consumer', provider: 'mm-provider', dir, logLevel: 'error' })
      .addInteraction()
      .uponReceiving(`a ${name} mismatch`)
      .withRequest('POST', `/${name}`, (b) => b.jsonBody({ v: expected }))
      .willRespondWith(204)
      .executeTest(async (ms) => {
        await fetch(`${ms.url}/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ v: actual }) });
      })));
  }
};
