'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { MatchersV3: M } = require('..');

const T = 'pact:matcher:type';

test('matchers serialise to integration JSON', () => {
  const cases = [
    [M.like('Ann'), { [T]: 'type', value: 'Ann' }],
    [M.eachLike({ id: 1 }), { [T]: 'type', min: 1, value: [{ id: 1 }] }],
    [M.eachLike('a', 3), { [T]: 'type', min: 3, value: ['a', 'a', 'a'] }],
    [M.atLeastLike('a', 2), { [T]: 'type', min: 2, value: ['a', 'a'] }],
    [M.atMostLike('a', 5, 2), { [T]: 'type', max: 5, value: ['a', 'a'] }],
    [M.constrainedArrayLike('a', 1, 3, 2), { [T]: 'type', min: 1, max: 3, value: ['a', 'a'] }],
    [M.integer(42), { [T]: 'integer', value: 42 }],
    [M.decimal(1.5), { [T]: 'decimal', value: 1.5 }],
    [M.number(7), { [T]: 'number', value: 7 }],
    [M.boolean(false), { [T]: 'boolean', value: false }],
    [M.regex(/\d+/, '12'), { [T]: 'regex', regex: '\\d+', value: '12' }],
    [M.regex('a|b', 'a'), { [T]: 'regex', regex: 'a|b', value: 'a' }],
    [M.equal(5), { [T]: 'equality', value: 5 }],
    [M.date('yyyy-MM-dd', '2024-02-29'), { [T]: 'date', format: 'yyyy-MM-dd', value: '2024-02-29' }],
    [M.time('HH:mm', '10:00'), { [T]: 'time', format: 'HH:mm', value: '10:00' }],
    [M.datetime("yyyy-MM-dd'T'HH:mm", '2024-01-01T10:00'), { [T]: 'datetime', format: "yyyy-MM-dd'T'HH:mm", value: '2024-01-01T10:00' }],
    [M.includes('ee'), { [T]: 'include', value: 'ee' }],
    [M.nullValue(), { [T]: 'null' }],
    [M.notEmpty([1]), { [T]: 'notEmpty', value: [1] }],
    [M.semver('1.2.3'), { [T]: 'semver', value: '1.2.3' }],
    [M.arrayContaining(M.like('x')), { [T]: 'arrayContains', variants: [{ [T]: 'type', value: 'x' }] }],
    [M.eachKeyMatches({ ab: 1 }, M.regex('[a-z]+', 'ab')), { [T]: 'eachKey', rules: [{ [T]: 'regex', regex: '[a-z]+', value: 'ab' }], value: { ab: 1 } }],
    [M.eachValueMatches({ a: 'x' }, [M.like('x')]), { [T]: 'eachValue', rules: [{ [T]: 'type', value: 'x' }], value: { a: 'x' } }],
    [M.fromProviderState('/users/${id}', '/users/1'), { [T]: 'type', value: '/users/1', 'pact:generator:type': 'ProviderState', expression: '/users/${id}' }],
    [M.and(M.integer(42), M.min(0)), { [T]: [{ [T]: 'integer' }, { [T]: 'min', min: 0 }], value: 42 }],
  ];
  for (const [got, want] of cases) assert.deepEqual(JSON.parse(JSON.stringify(got)), want);
});

test('generated examples', () => {
  assert.match(M.date().value, /^\d{4}-\d\d-\d\d$/);
  assert.equal(M.date()['pact:generator:type'], 'Date');
  const r = M.regex('[a-f]{6}');
  assert.match(r.value, /^[a-f]{6}$/);
  assert.equal(r['pact:generator:type'], 'Regex');
  assert.equal(M.integer()['pact:generator:type'], 'RandomInt');
  assert.match(M.uuid().value, /^[0-9a-f-]{36}$/);
});

test('reify gives the example', () => {
  const body = { id: M.integer(1), tags: M.eachLike(M.like('t'), 2), any: M.arrayContaining(M.integer(3)), n: M.nullValue() };
  assert.deepEqual(M.reify(body), { id: 1, tags: ['t', 't'], any: [3], n: null });
});

test('bounds are checked', () => {
  assert.throws(() => M.atLeastLike('a', 3, 2), RangeError);
  assert.throws(() => M.atMostLike('a', 1, 2), RangeError);
  assert.throws(() => M.and({ value: 1 }), TypeError);
});
