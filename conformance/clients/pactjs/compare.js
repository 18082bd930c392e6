// compare.js <rust-out> <libpact-out>: compares what run-tests.js wrote for
// the Rust pact_ffi and for libpact. One line per check, then a summary; the
// exit status is 1 when a difference is not one of the documented ones
// (../README.md), which are normalised away here and nowhere else.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

// --- documented differences (../README.md "Differences") ------------------

// D1: the reference writes JSON object keys sorted, libpact keeps their order:
// pact files are compared parsed, so key order never counts.
// (D2, libpact's computed V4 "key", is fixed: keys are compared.)
// D3: metadata.pactRust.models and metadata.libpact name the writing library.
// D6: in a V2 pact the reference keys a query matcher set through the FFI
// with the value's index ("$.query.active[0]"), libpact without
// ("$.query.active"); both read back as a rule on the parameter.
function normalisePact(doc) {
  const d = structuredClone(doc);
  if (d.metadata) {
    if (d.metadata.pactRust) delete d.metadata.pactRust.models;
    delete d.metadata.libpact;
  }
  // a multipart boundary the test did not give is random (the reference
  // makes 16 letters and digits, libpact 60 hex digits): compared as BOUNDARY
  for (const i of d.interactions || []) {
    for (const part of [i.request, i.response]) {
      if (part) unboundary(part);
    }
  }
  const v2 = /^2\./.test(((d.metadata || {}).pactSpecification || {}).version || '');
  for (const i of v2 ? d.interactions || [] : []) {
    const rules = (i.request || {}).matchingRules;
    if (!rules) continue;
    for (const k of Object.keys(rules)) {
      const m = /^(\$\.query\..+)\[0\]$/.exec(k);
      if (m && !(m[1] in rules)) {
        rules[m[1]] = rules[k];
        delete rules[k];
      }
    }
  }
  return d;
}

// D4: the tail of a date/time mismatch: the reference prints its parser's
// debug value (`Error(Nom("no", TakeWhileMN))`), libpact says what is wrong.
const dateTail = /( to match a (?:date|time|timestamp|datetime) pattern of '.*?'): .*$/gm;
function normaliseText(s) {
  return s
    .replace(dateTail, '$1: <parse error>')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/localhost:\d+/g, 'localhost:PORT');
}

// The reference keeps the mismatches of one body in a hash map keyed by path,
// so their order changes from run to run; lists of mismatches are compared
// sorted (not a difference: there is no order to follow).
function sortMismatchLists(v) {
  if (Array.isArray(v)) {
    const items = v.map(sortMismatchLists);
    if (items.length && items.every((m) => m && typeof m === 'object' && 'mismatch' in m)) {
      items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    }
    return items;
  }
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = sortMismatchLists(x);
    return o;
  }
  return typeof v === 'string' ? normaliseText(v) : v;
}

// In the verifier's console output the reference lists a message's metadata
// keys, and the first mismatch of each group, in hash-map order: runs of such
// lines are compared sorted.
function sortRuns(lines, re) {
  const out = [];
  let run = [];
  const flush = () => { out.push(...run.sort()); run = []; };
  for (const l of lines) {
    if (re.test(l)) run.push(l); else { flush(); out.push(l); }
  }
  flush();
  return out;
}

function unboundary(part) {
  const headers = part.headers || {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  if (!key) return;
  const value = Array.isArray(headers[key]) ? headers[key].join(', ') : String(headers[key]);
  const m = /boundary=([0-9A-Za-z]{16}|[0-9a-f]{60})$/.exec(value);
  if (!m) return;
  const b = m[1];
  const swap = (x) => x.split(b).join('BOUNDARY');
  headers[key] = Array.isArray(headers[key]) ? headers[key].map(swap) : swap(headers[key]);
  if (typeof part.body === 'string') {
    part.body = swap(part.body);
  } else if (part.body && typeof part.body.content === 'string') {
    if (part.body.encoded === 'base64') {
      part.body.content = Buffer.from(swap(Buffer.from(part.body.content, 'base64').toString('latin1')), 'latin1').toString('base64');
    } else {
      part.body.content = swap(part.body.content);
    }
  }
}

// The heading of a group of several header mismatches names the first of
// them, which the reference takes from a hash map: masked in that case.
function maskHeaderHeadings(lines) {
  return lines.map((l, i) => {
    const m = /^( +\d+\.\d+\) includes header ).*$/.exec(l);
    if (m && /^ {11}\S/.test(lines[i + 1] || '') && /^ {11}\S/.test(lines[i + 2] || '')) return `${m[1]}<first of several>`;
    return l;
  });
}

// pact-js prints the mock server's mismatches as numbered lines
// ("\t\t\t 1.0 <text>"); the numbered items are sorted for the same reason.
function normaliseMockText(s) {
  s = normaliseText(s);
  const parts = s.split(/(?=\n\t\t\t 1\.\d+ )/);
  if (parts.length < 3) return s;
  const head = parts[0];
  const items = parts.slice(1).map((p) => p.replace(/^\n\t\t\t 1\.\d+ /, ''));
  items.sort();
  return head + items.map((p, i) => `\n\t\t\t 1.${i} ${p}`).join('');
}

// Verifier results: durations, and the timing in the console output, vary.
function normaliseVerifier(r) {
  const v = structuredClone(r);
  // the text pact-js hands the user is the raw JSON: its escapes count too
  // (serde_json writes "->" and "<" as they are)
  if (typeof v.raw === 'string') v.htmlEscapes = (v.raw.match(/\\u00(?:3c|3e|26)|\\u202[89]/g) || []).length;
  delete v.raw;
  const walk = (x) => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const o = {};
      for (const [k, y] of Object.entries(x)) if (k !== 'duration') o[k] = walk(y);
      return o;
    }
    if (typeof x === 'string') return x.replace(/\(\d+m?s loading, \d+m?s verification\)/, '(TIME)');
    return x;
  };
  const out = sortMismatchLists(walk(v));
  if (out.json && Array.isArray(out.json.output)) {
    out.json.output = sortRuns(sortRuns(maskHeaderHeadings(out.json.output), /^ {11}\S/), /^ {8}"/);
  }
  return out;
}

function normaliseResult(v) {
  if (typeof v === 'string') return normaliseMockText(v);
  if (v && typeof v === 'object' && ('json' in v || 'text' in v) && 'resolved' in v) return normaliseVerifier(v);
  return sortMismatchLists(v);
}

// --- comparison ------------------------------------------------------------

function diffPaths(a, b, at = '$', out = []) {
  if (out.length >= 8) return out;
  if (isDeepStrictEqual(a, b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diffPaths(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`, out);
    return out;
  }
  out.push(`${at}: rust ${JSON.stringify(a)} | libpact ${JSON.stringify(b)}`);
  return out;
}

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  }).sort();
}

// Checks whose difference is a documented one that cannot be normalised
// away: shown as "doc" lines, not counted as differences.
const DOCUMENTED = {
  'verifier-errors/not a pact': 'D10: a file whose "interactions" is not a list fails to load on libpact; the reference reads it as a pact with no interactions and passes',
};

function main() {
  const args = process.argv.slice(2);
  const oi = args.indexOf('--only');
  // --only <test>: compare just that test's checks of two runs of the same
  // library (no pact files, no library check)
  const only = oi >= 0 ? args.splice(oi, 2)[1] : '';
  const [rustDir, goDir] = args.map((p) => path.resolve(p));
  let pass = 0;
  let fail = 0;
  const line = (ok, name, detail = []) => {
    if (ok) pass++; else fail++;
    console.log(`${ok ? 'same ' : 'DIFF '} ${name}`);
    for (const d of detail) console.log(`        ${d}`);
  };

  const rust = JSON.parse(fs.readFileSync(path.join(rustDir, 'results.json'), 'utf8'));
  const go = JSON.parse(fs.readFileSync(path.join(goDir, 'results.json'), 'utf8'));
  if (!only) {
    line(/pact-core-linux-x64-glibc/.test(rust._library) && /libpact-prebuild/.test(go._library), 'libraries loaded',
      [`rust ${rust._library}`, `libpact ${go._library}`]);
  }
  for (const [which, r] of [['rust', rust], [only ? 'the second run' : 'libpact', go]]) {
    const errs = Object.entries(r._errors || {});
    line(errs.length === 0, `every test ran under ${which}`, errs.map(([t, e]) => `${t}: ${e.split('\n')[0]}`));
  }

  const rustPacts = only ? [] : listFiles(path.join(rustDir, 'pacts'));
  const goPacts = only ? [] : listFiles(path.join(goDir, 'pacts'));
  for (const f of new Set([...rustPacts, ...goPacts])) {
    const a = rustPacts.includes(f) ? normalisePact(JSON.parse(fs.readFileSync(path.join(rustDir, 'pacts', f), 'utf8'))) : undefined;
    const b = goPacts.includes(f) ? normalisePact(JSON.parse(fs.readFileSync(path.join(goDir, 'pacts', f), 'utf8'))) : undefined;
    line(isDeepStrictEqual(a, b), `pact file ${f}`, diffPaths(a, b));
  }

  const keys = [...new Set([...Object.keys(rust), ...Object.keys(go)])]
    .filter((k) => !k.startsWith('_') && (!only || k.startsWith(`${only}/`))).sort();
  let doc = 0;
  for (const k of keys) {
    const a = normaliseResult(rust[k]);
    const b = normaliseResult(go[k]);
    if (!isDeepStrictEqual(a, b) && DOCUMENTED[k]) {
      doc++;
      console.log(`doc   check ${k}: ${DOCUMENTED[k]}`);
      continue;
    }
    line(isDeepStrictEqual(a, b), `check ${k}`, diffPaths(a, b));
  }
  console.log(`summary: ${pass} same, ${fail} different${doc ? `, ${doc} documented differences` : ''}`);
  process.exit(fail ? 1 : 0);
}

main();
