'use strict';
// Verifier: replay pacts against a running provider. verifyProvider() runs pactffi_verifier_execute through
// koffi's .async on a worker thread, so a provider served by this same Node process keeps answering.
//
//   const result = await new Verifier({ provider: 'users', providerBaseUrl: 'http://127.0.0.1:8000',
//                                       pactUrls: ['pacts/web-users.json'] }).verifyProvider();
//   // { code: 0, ok: true, output: '...', json: {...} }

const ffi = require('./ffi');
const { PactError } = ffi;

class Verifier {
  /** Options: provider, providerBaseUrl, pactUrls (files, directories or http(s) URLs), brokerUrl (+ brokerUsername,
   *  brokerPassword, brokerToken, consumerVersionSelectors, consumerVersionTags, providerVersionTags,
   *  providerVersionBranch, enablePending, includeWipPactsSince), stateHandlerUrl / providerStatesSetupUrl,
   *  stateChangeTeardown, customHeaders, filterDescription, filterState, filterNoState, consumerFilters,
   *  publishVerificationResult + providerVersion + buildUrl, timeout (ms), disableSslVerification, colour (ANSI
   *  colours in the output; off by default). */
  constructor(opts) {
    if (!opts || !opts.provider || !opts.providerBaseUrl) throw new TypeError('Verifier: provider and providerBaseUrl are required');
    this.opts = opts;
  }

  _configure(h) {
    const o = this.opts;
    const u = new URL(o.providerBaseUrl);
    ffi.pactffi_verifier_set_provider_info(h, o.provider, u.protocol.replace(':', ''), u.hostname, Number(u.port) || 0, u.pathname || '/');
    rc(ffi.pactffi_verifier_set_coloured_output(h, o.colour ? 1 : 0), 'pactffi_verifier_set_coloured_output');
    rc(ffi.pactffi_verifier_set_verification_options(h, o.disableSslVerification ? 1 : 0, o.timeout || 5000), 'pactffi_verifier_set_verification_options');
    const stateUrl = o.stateHandlerUrl || o.providerStatesSetupUrl;
    if (stateUrl) ffi.pactffi_verifier_set_provider_state(h, stateUrl, o.stateChangeTeardown ? 1 : 0, 1);
    if (o.filterDescription || o.filterState || o.filterNoState) {
      ffi.pactffi_verifier_set_filter_info(h, o.filterDescription || null, o.filterState || null, o.filterNoState ? 1 : 0);
    }
    if (o.consumerFilters && o.consumerFilters.length) ffi.pactffi_verifier_set_consumer_filters(h, o.consumerFilters, o.consumerFilters.length);
    for (const [name, value] of Object.entries(o.customHeaders || {})) ffi.pactffi_verifier_add_custom_header(h, name, value);
    const fs = require('node:fs');
    for (const src of o.pactUrls || []) {
      if (/^https?:\/\//.test(src)) ffi.pactffi_verifier_url_source(h, src, o.pactBrokerUsername || null, o.pactBrokerPassword || null, o.pactBrokerToken || null);
      else if (fs.existsSync(src) && fs.statSync(src).isDirectory()) ffi.pactffi_verifier_add_directory_source(h, src);
      else ffi.pactffi_verifier_add_file_source(h, src);
    }
    if (o.pactBrokerUrl || o.brokerUrl) {
      const sels = (o.consumerVersionSelectors || []).map((s) => (typeof s === 'string' ? s : JSON.stringify(s)));
      const ptags = o.providerVersionTags || [];
      const ctags = o.consumerVersionTags || [];
      rc(ffi.pactffi_verifier_broker_source_with_selectors(h, o.pactBrokerUrl || o.brokerUrl, o.pactBrokerUsername || null,
        o.pactBrokerPassword || null, o.pactBrokerToken || null, o.enablePending ? 1 : 0, o.includeWipPactsSince || null,
        ptags, ptags.length, o.providerVersionBranch || null, sels, sels.length, ctags, ctags.length),
      'pactffi_verifier_broker_source_with_selectors');
    }
    if (o.publishVerificationResult) {
      if (!o.providerVersion) throw new PactError('publishVerificationResult needs providerVersion');
      const tags = o.providerVersionTags || [];
      rc(ffi.pactffi_verifier_set_publish_options(h, o.providerVersion, o.buildUrl || null, tags, tags.length, o.providerVersionBranch || null),
        'pactffi_verifier_set_publish_options');
    }
  }

  /** Runs the verification; resolves to { code, ok, output, json } (code 0 passed, 1 failed, 2 could not run). */
  verifyProvider() {
    const h = ffi.pactffi_verifier_new_for_application('libpact-node', require('../package.json').version);
    if (!h) return Promise.reject(new PactError(ffi.lastError() || 'pactffi_verifier_new_for_application failed'));
    try {
      this._configure(h);
    } catch (e) {
      ffi.pactffi_verifier_shutdown(h);
      return Promise.reject(e);
    }
    return new Promise((resolve, reject) => {
      ffi.pactffi_verifier_execute.async(h, (err, code) => {
        try {
          if (err) throw err;
          const output = ffi.pactffi_verifier_output(h, 1) || '';
          const raw = ffi.pactffi_verifier_json(h);
          resolve({ code, ok: code === 0, output, json: raw ? JSON.parse(raw) : null });
        } catch (e) {
          reject(e);
        } finally {
          ffi.pactffi_verifier_shutdown(h);
        }
      });
    });
  }
}

function rc(code, what) {
  if (code !== 0) throw new PactError(ffi.lastError() || `${what} returned ${code}`, code);
}

module.exports = { Verifier };
