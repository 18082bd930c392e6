'use strict';
// PactV4: the consumer DSL, in pact-js V4's words.
//
//   const pact = new PactV4({ consumer: 'web', provider: 'users', dir: 'pacts' });
//   await pact.addInteraction()
//     .given('user exists', { id: 1 })
//     .uponReceiving('a request for user 1')
//     .withRequest('GET', '/users/1', (b) => b.query({ full: 'yes' }).headers({ Accept: 'application/json' }))
//     .willRespondWith(200, (b) => b.jsonBody({ id: integer(1), name: like('Ann') }))
//     .executeTest(async (mockServer) => {
//       const res = await fetch(`${mockServer.url}/users/1?full=yes`, { headers: { Accept: 'application/json' } });
//     });
//
// executeTest starts a mock server for the interaction, runs the test, then fails (rejects with a PactMismatchError
// listing the mismatches) unless the mock server received exactly what was described, and writes the pact file
// <dir>/<consumer>-<provider>.json (merged with what earlier tests wrote).

const ffi = require('./ffi');
const { PactError, check } = ffi;

const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The mock server did not receive what the pact describes; mismatches is the mock server's JSON list. */
class PactMismatchError extends PactError {
  constructor(message, mismatches) {
    super(message);
    this.name = 'PactMismatchError';
    this.mismatches = mismatches;
  }
}

/** A readable, multi-line account of the mock server's mismatch list. */
function formatMismatches(mismatches) {
  const lines = [];
  for (const m of mismatches) {
    const req = `${m.method || ''} ${m.path || ''}`.trim();
    if (m.type === 'missing-request') {
      const r = m.request || {};
      lines.push(`Missing request: ${r.method || m.method} ${r.path || m.path} was expected but never received`);
    } else if (m.type === 'request-not-found') {
      lines.push(`Unexpected request: ${req} matches no interaction`);
    } else if (m.type === 'request-mismatch') {
      lines.push(`Request mismatch: ${req}`);
      for (const d of m.mismatches || []) {
        const where = d.path || d.key || d.parameter || '';
        lines.push(`  - ${d.type || 'Mismatch'}${where ? ` at ${where}` : ''}: ${d.mismatch || JSON.stringify(d)}`);
      }
    } else {
      lines.push(JSON.stringify(m));
    }
  }
  return lines.join('\n');
}

/** Headers, query and body of a request or response (the builder callback's argument). */
class PartBuilder {
  constructor(interaction, part) {
    this.i = interaction;
    this.part = part;
  }

  headers(headers) {
    for (const [name, value] of Object.entries(headers || {})) {
      const values = Array.isArray(value) ? value : [value];
      values.forEach((v, idx) => check(ffi.pactffi_with_header_v2(this.i, this.part, name, idx, text(v)), 'pactffi_with_header_v2'));
    }
    return this;
  }

  /** A JSON body (with matchers); Content-Type application/json unless a header says otherwise. */
  jsonBody(body) {
    check(ffi.pactffi_with_body(this.i, this.part, 'application/json', JSON.stringify(body)), 'pactffi_with_body');
    return this;
  }

  /** A body of any content type: a string, or a Buffer for binary content. */
  body(contentType, body) {
    if (Buffer.isBuffer(body) || body instanceof Uint8Array) {
      const buf = Buffer.from(body);
      check(ffi.pactffi_with_binary_body(this.i, this.part, contentType, buf.length ? buf : null, buf.length), 'pactffi_with_binary_body');
    } else {
      check(ffi.pactffi_with_body(this.i, this.part, contentType, text(body)), 'pactffi_with_body');
    }
    return this;
  }
}

class RequestBuilder extends PartBuilder {
  constructor(i) { super(i, ffi.REQUEST); }

  /** Query parameters: { name: value | [values] | matcher }. */
  query(query) {
    for (const [name, value] of Object.entries(query || {})) {
      const values = Array.isArray(value) ? value : [value];
      values.forEach((v, idx) => check(ffi.pactffi_with_query_parameter_v2(this.i, name, idx, v === null ? null : text(v)), 'pactffi_with_query_parameter_v2'));
    }
    return this;
  }
}

class ResponseBuilder extends PartBuilder {
  constructor(i) { super(i, ffi.RESPONSE); }
}

/** The running mock server handed to executeTest: url, port. */
class MockServer {
  constructor(pact, host, port) {
    const rc = ffi.pactffi_create_mock_server_for_transport(pact, host, port, 'http', null);
    check(rc > 0, 'pactffi_create_mock_server_for_transport', rc);
    this.port = rc;
    this.url = `http://${host}:${rc}`;
    this.id = rc;
  }

  matched() { return ffi.pactffi_mock_server_matched(this.port); }

  mismatches() {
    const raw = ffi.pactffi_mock_server_mismatches(this.port);
    if (raw === null) throw new PactError(ffi.lastError() || `no mock server runs on port ${this.port}`);
    return JSON.parse(raw);
  }

  logs() { return ffi.pactffi_mock_server_logs(this.port) || ''; }

  cleanup() {
    if (this.port) ffi.pactffi_cleanup_mock_server(this.port);
    this.port = 0;
  }
}

// Frees the pact of an interaction that was described but never run, once it is garbage collected.
const unrun = new FinalizationRegistry((pact) => ffi.pactffi_free_pact_handle(pact));

/** An interaction being described; every step returns it, executeTest runs it. */
class V4Interaction {
  constructor(owner) {
    this.owner = owner;
    this.pact = owner._newPact();
    unrun.register(this, this.pact, this);
    this.i = 0;
    this.states = [];
  }

  _interaction(what) {
    if (!this.i) throw new PactError(`${what}: call uponReceiving() first`);
    return this.i;
  }

  /** A provider state, with optional parameters. */
  given(state, params) {
    if (this.i) this._state(state, params); else this.states.push([state, params]);
    return this;
  }

  _state(state, params) {
    if (params && Object.keys(params).length) {
      const rc = ffi.pactffi_given_with_params(this.i, state, JSON.stringify(params));
      check(rc === 0, 'pactffi_given_with_params', rc);
    } else {
      check(ffi.pactffi_given(this.i, state), 'pactffi_given');
    }
  }

  uponReceiving(description) {
    if (this.i) {
      check(ffi.pactffi_upon_receiving(this.i, description), 'pactffi_upon_receiving');
      return this;
    }
    this.i = ffi.pactffi_new_interaction(this.pact, description);
    check(this.i, 'pactffi_new_interaction');
    for (const [s, p] of this.states) this._state(s, p);
    this.states = [];
    return this;
  }

  /** Method, path (a string or a matcher) and an optional builder callback: (b) => b.query().headers().jsonBody(). */
  withRequest(method, path, build) {
    const i = this._interaction('withRequest');
    check(ffi.pactffi_with_request(i, method, text(path)), 'pactffi_with_request');
    if (build) build(new RequestBuilder(i));
    return this;
  }

  /** Status (a number or a statusCode matcher) and an optional builder callback: (b) => b.headers().jsonBody(). */
  willRespondWith(status, build) {
    const i = this._interaction('willRespondWith');
    check(ffi.pactffi_response_status_v2(i, text(status)), 'pactffi_response_status_v2');
    if (build) build(new ResponseBuilder(i));
    return this;
  }

  /** V4: a text comment on the interaction. */
  comment(note) {
    check(ffi.pactffi_add_text_comment(this._interaction('comment'), note), 'pactffi_add_text_comment');
    return this;
  }

  /** V4: the name of the test that defines the interaction. */
  testName(name) {
    const rc = ffi.pactffi_interaction_test_name(this._interaction('testName'), name);
    check(rc === 0, 'pactffi_interaction_test_name', rc);
    return this;
  }

  /** V4: marks the interaction pending. */
  pending(flag = true) {
    check(ffi.pactffi_set_pending(this._interaction('pending'), flag), 'pactffi_set_pending');
    return this;
  }

  /**
   * Starts the mock server, awaits testFn(mockServer), checks what the server received and writes the pact.
   * Resolves to testFn's result; rejects with testFn's error, or with a PactMismatchError.
   */
  async executeTest(testFn) {
    this._interaction('executeTest');
    if (!this.pact) throw new PactError('executeTest: this interaction has already been run');
    let server;
    try {
      server = new MockServer(this.pact, this.owner.host, this.owner.port);
      let result;
      let testError;
      try {
        result = await testFn(server);
      } catch (e) {
        testError = e;
      }
      if (!server.matched()) {
        const mismatches = server.mismatches();
        const err = new PactMismatchError(
          `the mock server for ${this.owner.consumer} -> ${this.owner.provider} did not receive what the pact describes:\n${formatMismatches(mismatches)}`,
          mismatches);
        if (testError) err.cause = testError;
        throw err;
      }
      if (testError) throw testError;
      const rc = ffi.pactffi_write_pact_file(server.port, this.owner.dir, this.owner._overwrite());
      check(rc === 0, 'pactffi_write_pact_file', rc);
      return result;
    } finally {
      if (server) server.cleanup();
      unrun.unregister(this);
      ffi.pactffi_free_pact_handle(this.pact);
      this.pact = 0;
    }
  }
}

/** Consumer tests of HTTP interactions, as pact-js's PactV4. Options: consumer, provider, dir (default ./pacts),
 *  spec (pact specification version, default 4), host (default 127.0.0.1), port (default 0: any),
 *  pactfileWriteMode ('merge' default, 'overwrite': the first test of this object replaces the file, or 'update'),
 *  logLevel (libpact's log on stderr). */
class PactV4 {
  constructor(opts) {
    if (!opts || !opts.consumer || !opts.provider) throw new TypeError('PactV4: consumer and provider are required');
    this.consumer = opts.consumer;
    this.provider = opts.provider;
    this.dir = opts.dir || require('node:path').resolve('pacts');
    this.host = opts.host || '127.0.0.1';
    this.port = opts.port || 0;
    this.mode = opts.pactfileWriteMode || 'merge';
    const spec = String(opts.spec || 4);
    this.spec = ffi.SPEC[spec];
    if (!this.spec) throw new RangeError(`PactV4: unknown specification version ${spec}`);
    if (opts.logLevel) {
      const level = ffi.LEVELS[String(opts.logLevel).toLowerCase()];
      if (level === undefined) throw new RangeError(`PactV4: unknown log level ${opts.logLevel}`);
      ffi.pactffi_log_to_stderr(level);
    }
    this.written = false;
  }

  _newPact() {
    const h = ffi.pactffi_new_pact(this.consumer, this.provider);
    check(h, 'pactffi_new_pact');
    check(ffi.pactffi_with_specification(h, this.spec), 'pactffi_with_specification');
    return h;
  }

  _overwrite() {
    const first = !this.written;
    this.written = true;
    return this.mode === 'overwrite' && first;
  }

  /** Starts describing an HTTP interaction (with its own mock server in executeTest). */
  addInteraction() {
    return new V4Interaction(this);
  }
}

module.exports = { PactV4, V4Interaction, MockServer, RequestBuilder, ResponseBuilder, PactMismatchError, formatMismatches };
