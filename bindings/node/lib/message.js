'use strict';
// MessageConsumerPact: pacts of asynchronous messages, as pact-js's.
//
//   await new MessageConsumerPact({ consumer: 'worker', provider: 'orders', dir: 'pacts' })
//     .given('an order exists', { id: 3 })
//     .expectsToReceive('an order created event')
//     .withContent({ id: integer(3) })
//     .withMetadata({ topic: 'orders' })
//     .verify(async (message) => handleOrder(message.contents));
//
// verify() hands the handler the message as the provider would send it (matchers replaced by examples, generators
// applied) and writes the pact file when the handler resolves.

const ffi = require('./ffi');
const { PactError, check } = ffi;

const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

class MessageConsumerPact {
  /** Options: consumer, provider, dir (default ./pacts), spec (default 3), pactfileWriteMode ('merge' or
   *  'overwrite'). */
  constructor(opts) {
    if (!opts || !opts.consumer || !opts.provider) throw new TypeError('MessageConsumerPact: consumer and provider are required');
    this.opts = opts;
    this.dir = opts.dir || require('node:path').resolve('pacts');
    this.spec = ffi.SPEC[String(opts.spec || 3)];
    if (!this.spec) throw new RangeError(`MessageConsumerPact: unknown specification version ${opts.spec}`);
    this.written = false;
    this._fresh();
  }

  _fresh() {
    this.pact = 0; // created by the next expectsToReceive, freed by verify
    this.m = 0;
    this.states = [];
  }

  _handle() {
    if (!this.pact) {
      const h = ffi.pactffi_new_pact(this.opts.consumer, this.opts.provider);
      check(h, 'pactffi_new_pact');
      if (!ffi.pactffi_with_specification(h, this.spec)) {
        const err = new PactError(ffi.lastError() || 'pactffi_with_specification failed');
        ffi.pactffi_free_pact_handle(h);
        throw err;
      }
      this.pact = h;
    }
    return this.pact;
  }

  _message(what) {
    if (!this.m) throw new PactError(`${what}: call expectsToReceive() first`);
    return this.m;
  }

  given(state, params) {
    if (this.m) this._state(state, params); else this.states.push([state, params]);
    return this;
  }

  _state(state, params) {
    if (params && Object.keys(params).length) {
      const rc = ffi.pactffi_given_with_params(this.m, state, JSON.stringify(params));
      check(rc === 0, 'pactffi_given_with_params', rc);
    } else {
      check(ffi.pactffi_given(this.m, state), 'pactffi_given');
    }
  }

  expectsToReceive(description) {
    this.m = ffi.pactffi_new_message_interaction(this._handle(), description);
    check(this.m, 'pactffi_new_message_interaction');
    for (const [s, p] of this.states) this._state(s, p);
    this.states = [];
    return this;
  }

  /** JSON contents (with matchers); a string or Buffer with withContent(body, contentType). */
  withContent(content, contentType) {
    const m = this._message('withContent');
    if (Buffer.isBuffer(content) || content instanceof Uint8Array) {
      const buf = Buffer.from(content);
      check(ffi.pactffi_with_binary_body(m, ffi.REQUEST, contentType || 'application/octet-stream', buf.length ? buf : null, buf.length), 'pactffi_with_binary_body');
    } else if (typeof content === 'string') {
      check(ffi.pactffi_with_body(m, ffi.REQUEST, contentType || 'text/plain', content), 'pactffi_with_body');
    } else {
      check(ffi.pactffi_with_body(m, ffi.REQUEST, contentType || 'application/json', JSON.stringify(content)), 'pactffi_with_body');
    }
    return this;
  }

  /** Metadata; values may be matchers. */
  withMetadata(metadata) {
    const m = this._message('withMetadata');
    for (const [k, v] of Object.entries(metadata || {})) {
      check(ffi.pactffi_with_metadata(m, k, text(v), ffi.REQUEST), 'pactffi_with_metadata');
    }
    return this;
  }

  /** The message as the provider would send it: { contents, metadata, description, ... }. */
  reify() {
    const raw = ffi.pactffi_message_reify(this._message('reify'));
    if (raw === null) throw new PactError(ffi.lastError() || 'pactffi_message_reify failed');
    const message = JSON.parse(raw);
    const body = message.contents;
    // V4 pacts give the body in its pact-file form; hand back the contents themselves, as for V3.
    if (body && typeof body === 'object' && !Array.isArray(body) && 'content' in body &&
        Object.keys(body).every((k) => ['content', 'contentType', 'encoded'].includes(k))) {
      message.contents = body.encoded === 'base64' ? Buffer.from(body.content, 'base64') : body.content;
    }
    return message;
  }

  /** Calls handler(message); when it resolves, writes the pact file. Rejects with the handler's error. */
  async verify(handler) {
    this._message('verify');
    try {
      await handler(this.reify());
      const overwrite = this.opts.pactfileWriteMode === 'overwrite' && !this.written;
      const rc = ffi.pactffi_pact_handle_write_file(this.pact, this.dir, overwrite);
      check(rc === 0, 'pactffi_pact_handle_write_file', rc);
      this.written = true;
    } finally {
      if (this.pact) ffi.pactffi_free_pact_handle(this.pact);
      this._fresh();
    }
  }
}

/** pact-js's helper: a handler that takes the message contents. */
const asynchronousBodyHandler = (fn) => (message) => fn(message.contents);

module.exports = { MessageConsumerPact, asynchronousBodyHandler };
