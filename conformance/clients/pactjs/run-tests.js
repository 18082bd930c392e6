// run-tests.js <out-dir> [test ...]: runs the test files of tests/ in one
// process against whichever pact_ffi library pact-core loads, writes the pact
// files under <out-dir>/pacts and every recorded check to <out-dir>/results.json.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Harness } = require('./harness');

async function main() {
  const out = path.resolve(process.argv[2] || 'out');
  const only = process.argv.slice(3);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const h = new Harness(out);
  const dir = path.join(__dirname, 'tests');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  const errors = {};
  for (const f of files) {
    const t = require(path.join(dir, f));
    if (only.length && !only.includes(t.name)) continue;
    h.current = t.name;
    const start = Date.now();
    try {
      await t.run(h);
      console.log(`ran ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      errors[t.name] = String((e && e.stack) || e);
      console.log(`ERROR in ${t.name}: ${errors[t.name]}`);
    }
  }
  h.results['_errors'] = errors;
  h.results['_library'] = loadedLibrary();
  fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(h.results, null, 2));
}

// loadedLibrary names the libpact_ffi.so this process mapped, to prove which
// library a run used.
function loadedLibrary() {
  try {
    const maps = fs.readFileSync('/proc/self/maps', 'utf8');
    const m = maps.split('\n').find((l) => l.endsWith('libpact_ffi.so'));
    return m ? m.slice(m.indexOf('/')) : 'none';
  } catch {
    return 'unknown';
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
