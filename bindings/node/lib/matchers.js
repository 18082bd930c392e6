'use strict';
// MatchersV3: matchers as pact_ffi integration JSON (plain objects with "pact:matcher:type"), as pact-js builds
// them. Put them anywhere in a JSON body, header, query value or path:
//
//   const { like, eachLike, integer, regex } = require('libpact').MatchersV3;
//   builder.jsonBody({ id: integer(1), tags: eachLike('admin'), name: like('Ann') });

const M = 'pact:matcher:type';
const G = 'pact:generator:type';

function isMatcher(x) {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && M in x;
}

const like = (value) => ({ [M]: 'type', value });
function eachLike(template, min = 1) {
  if (min < 0) throw new RangeError('eachLike: min must be >= 0');
  return { [M]: 'type', min, value: Array(Math.max(min, 1)).fill(template) };
}
const atLeastOneLike = (template, count = 1) => ({ [M]: 'type', min: 1, value: Array(Math.max(count, 1)).fill(template) });
function atLeastLike(template, min, count = min) {
  if (count < min) throw new RangeError(`atLeastLike: count (${count}) must be >= min (${min})`);
  return { [M]: 'type', min, value: Array(Math.max(count, 1)).fill(template) };
}
function atMostLike(template, max, count = 1) {
  if (count > max) throw new RangeError(`atMostLike: count (${count}) must be <= max (${max})`);
  return { [M]: 'type', max, value: Array(count).fill(template) };
}
function constrainedArrayLike(template, min, max, count = min) {
  if (count < min || count > max) throw new RangeError(`constrainedArrayLike: count must be between ${min} and ${max}`);
  return { [M]: 'type', min, max, value: Array(count).fill(template) };
}
const boolean = (value = true) => ({ [M]: 'boolean', value });
const integer = (value) => (value === undefined ? { [M]: 'integer', value: 101, [G]: 'RandomInt', min: 0, max: 1000 } : { [M]: 'integer', value });
const decimal = (value) => (value === undefined ? { [M]: 'decimal', value: 12.34, [G]: 'RandomDecimal', digits: 4 } : { [M]: 'decimal', value });
const number = (value) => (value === undefined ? { [M]: 'number', value: 1234, [G]: 'RandomInt', min: 0, max: 10000 } : { [M]: 'number', value });
const string = (value = 'some string') => ({ [M]: 'type', value });
function regex(pattern, example) {
  const source = pattern instanceof RegExp ? pattern.source : pattern;
  if (example === undefined) {
    const ffi = require('./ffi');
    const value = ffi.takeResult(ffi.pactffi_generate_regex_value(source), `generating a value for ${source}`);
    return { [M]: 'regex', regex: source, value, [G]: 'Regex' };
  }
  return { [M]: 'regex', regex: source, value: example };
}
const equal = (value) => ({ [M]: 'equality', value });

function now(format) {
  const ffi = require('./ffi');
  return ffi.takeResult(ffi.pactffi_generate_datetime_string(format), `formatting ${format}`);
}
function dt(kind, gen, format, example) {
  if (example === undefined) return { [M]: kind, format, value: now(format), [G]: gen };
  return { [M]: kind, format, value: example };
}
const datetime = (format = "yyyy-MM-dd'T'HH:mm:ss", example) => dt('datetime', 'DateTime', format, example);
const timestamp = datetime;
const time = (format = 'HH:mm:ss', example) => dt('time', 'Time', format, example);
const date = (format = 'yyyy-MM-dd', example) => dt('date', 'Date', format, example);
const includes = (value) => ({ [M]: 'include', value });
const nullValue = () => ({ [M]: 'null' });
const notEmpty = (value) => ({ [M]: 'notEmpty', value });
const semver = (value) => ({ [M]: 'semver', value });
const arrayContaining = (...variants) => ({ [M]: 'arrayContains', variants });
const eachKeyMatches = (example, matchers = [like('key')]) => ({ [M]: 'eachKey', rules: [].concat(matchers), value: example });
const eachValueMatches = (example, matchers) => ({ [M]: 'eachValue', rules: [].concat(matchers), value: example });
const fromProviderState = (expression, exampleValue) => ({ [M]: 'type', value: exampleValue, [G]: 'ProviderState', expression });
const uuid = (example = 'e2490de5-5bd3-43d5-b7c4-526e33f71304') =>
  regex('[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}', example);
const hexadecimal = (example = '3F') => regex('[0-9a-fA-F]+', example);
const ipv4Address = (example = '127.0.0.13') => regex('(\\d{1,3}\\.)+\\d{1,3}', example);
const email = (example = 'hello@pact.io') => regex('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', example);
const url = (pattern, example) => regex(pattern, example);
const statusCode = (status, value) => ({ [M]: 'statusCode', status, value });

/** Every rule must hold: and(integer(42), min(0)) → the array form of "pact:matcher:type". */
function and(...matchers) {
  const rules = [];
  let value;
  for (const m of matchers) {
    if (!isMatcher(m)) throw new TypeError('and: every argument must be a matcher');
    const rule = {};
    for (const [k, v] of Object.entries(m)) {
      if (k === 'value') { if (value === undefined) value = v; } else if (!k.startsWith('pact:generator')) rule[k] = v;
    }
    if (Array.isArray(rule[M])) rules.push(...rule[M]); else rules.push(rule);
  }
  const out = { [M]: rules };
  if (value !== undefined) out.value = value;
  return out;
}
const min = (n, value) => (value === undefined ? { [M]: 'min', min: n } : { [M]: 'min', min: n, value });
const max = (n, value) => (value === undefined ? { [M]: 'max', max: n } : { [M]: 'max', max: n, value });

/** The example a template stands for: every matcher replaced by its value. */
function reify(template) {
  if (Array.isArray(template)) return template.map(reify);
  if (isMatcher(template)) {
    if (template[M] === 'arrayContains') return template.variants.map(reify);
    return 'value' in template ? reify(template.value) : null;
  }
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, reify(v)]));
  }
  return template;
}

module.exports = {
  isMatcher, like, eachLike, atLeastOneLike, atLeastLike, atMostLike, constrainedArrayLike, boolean, integer,
  decimal, number, string, regex, equal, datetime, timestamp, time, date, includes, nullValue, notEmpty, semver,
  arrayContaining, eachKeyMatches, eachValueMatches, fromProviderState, uuid, hexadecimal, ipv4Address, email,
  url, statusCode, and, min, max, reify,
};
