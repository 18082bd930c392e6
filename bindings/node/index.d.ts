// Type declarations of the libpact Node binding.

/** A matcher: pact_ffi integration JSON. */
export interface Matcher<T = unknown> {
  'pact:matcher:type': string | Array<Record<string, unknown>>;
  value?: T;
  [attribute: string]: unknown;
}

export declare namespace MatchersV3 {
  function isMatcher(x: unknown): x is Matcher;
  function like<T>(value: T): Matcher<T>;
  function eachLike<T>(template: T, min?: number): Matcher<T[]>;
  function atLeastOneLike<T>(template: T, count?: number): Matcher<T[]>;
  function atLeastLike<T>(template: T, min: number, count?: number): Matcher<T[]>;
  function atMostLike<T>(template: T, max: number, count?: number): Matcher<T[]>;
  function constrainedArrayLike<T>(template: T, min: number, max: number, count?: number): Matcher<T[]>;
  function boolean(value?: boolean): Matcher<boolean>;
  function integer(value?: number): Matcher<number>;
  function decimal(value?: number): Matcher<number>;
  function number(value?: number): Matcher<number>;
  function string(value?: string): Matcher<string>;
  function regex(pattern: string | RegExp, example?: string): Matcher<string>;
  function equal<T>(value: T): Matcher<T>;
  function datetime(format?: string, example?: string): Matcher<string>;
  function timestamp(format?: string, example?: string): Matcher<string>;
  function time(format?: string, example?: string): Matcher<string>;
  function date(format?: string, example?: string): Matcher<string>;
  function includes(value: string): Matcher<string>;
  function nullValue(): Matcher<null>;
  function notEmpty<T>(value: T): Matcher<T>;
  function semver(value: string): Matcher<string>;
  function arrayContaining(...variants: unknown[]): Matcher<unknown[]>;
  function eachKeyMatches<T>(example: Record<string, T>, matchers?: Matcher | Matcher[]): Matcher<Record<string, T>>;
  function eachValueMatches<T>(example: Record<string, T>, matchers: Matcher | Matcher[]): Matcher<Record<string, T>>;
  function fromProviderState<T>(expression: string, exampleValue: T): Matcher<T>;
  function uuid(example?: string): Matcher<string>;
  function hexadecimal(example?: string): Matcher<string>;
  function ipv4Address(example?: string): Matcher<string>;
  function email(example?: string): Matcher<string>;
  function url(pattern: string, example: string): Matcher<string>;
  function statusCode(status: string, value: number): Matcher<number>;
  /** Every rule must hold: and(integer(42), min(0)). */
  function and(...matchers: Matcher[]): Matcher;
  function min(n: number, value?: unknown): Matcher;
  function max(n: number, value?: unknown): Matcher;
  /** The example a template stands for. */
  function reify(template: unknown): unknown;
}
export { MatchersV3 as Matchers };

export declare class PactError extends Error {
  /** The failing function's return code, when it has one. */
  code?: number;
}

export declare class PactMismatchError extends PactError {
  /** The mock server's mismatch list. */
  mismatches: Array<Record<string, unknown>>;
}

export interface PactV4Options {
  consumer: string;
  provider: string;
  /** Where pact files are written (default ./pacts). */
  dir?: string;
  /** Pact specification version: 1.1, 2, 3 or 4 (default 4). */
  spec?: number | string;
  host?: string;
  port?: number;
  pactfileWriteMode?: 'merge' | 'overwrite';
  logLevel?: 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

export interface MockServer {
  url: string;
  port: number;
  id: number;
  matched(): boolean;
  mismatches(): Array<Record<string, unknown>>;
  logs(): string;
}

export interface PartBuilder<Self> {
  headers(headers: Record<string, string | Matcher | Array<string | Matcher>>): Self;
  jsonBody(body: unknown): Self;
  body(contentType: string, body: string | Uint8Array): Self;  // a Buffer is a Uint8Array
}
export interface RequestBuilder extends PartBuilder<RequestBuilder> {
  query(query: Record<string, string | Matcher | null | Array<string | Matcher>>): RequestBuilder;
}
export interface ResponseBuilder extends PartBuilder<ResponseBuilder> {}

export interface V4Interaction {
  given(state: string, params?: Record<string, unknown>): V4Interaction;
  uponReceiving(description: string): V4Interaction;
  withRequest(method: string, path: string | Matcher<string>, build?: (builder: RequestBuilder) => unknown): V4Interaction;
  willRespondWith(status: number | Matcher<number>, build?: (builder: ResponseBuilder) => unknown): V4Interaction;
  comment(note: string): V4Interaction;
  testName(name: string): V4Interaction;
  pending(flag?: boolean): V4Interaction;
  /** Runs testFn against a mock server; rejects with PactMismatchError unless every request matched. */
  executeTest<T>(testFn: (mockServer: MockServer) => Promise<T> | T): Promise<T>;
}

export declare class PactV4 {
  constructor(opts: PactV4Options);
  addInteraction(): V4Interaction;
}

export interface MessageConsumerPactOptions {
  consumer: string;
  provider: string;
  dir?: string;
  /** Pact specification version: 3 (default) or 4. */
  spec?: number | string;
  pactfileWriteMode?: 'merge' | 'overwrite';
}

export interface Message {
  contents: unknown;
  metadata?: Record<string, unknown>;
  description?: string;
  [key: string]: unknown;
}

export declare class MessageConsumerPact {
  constructor(opts: MessageConsumerPactOptions);
  given(state: string, params?: Record<string, unknown>): MessageConsumerPact;
  expectsToReceive(description: string): MessageConsumerPact;
  withContent(content: unknown, contentType?: string): MessageConsumerPact;
  withMetadata(metadata: Record<string, string | Matcher>): MessageConsumerPact;
  /** The message as the provider would send it. */
  reify(): Message;
  /** Calls handler(message); writes the pact file when it resolves. */
  verify(handler: (message: Message) => unknown): Promise<void>;
}

export declare function asynchronousBodyHandler(fn: (contents: any) => unknown): (message: Message) => unknown;

export interface VerifierOptions {
  provider: string;
  providerBaseUrl: string;
  /** Pact files, directories of pact files, or http(s) URLs. */
  pactUrls?: string[];
  pactBrokerUrl?: string;
  brokerUrl?: string;
  pactBrokerUsername?: string;
  pactBrokerPassword?: string;
  pactBrokerToken?: string;
  consumerVersionSelectors?: Array<Record<string, unknown> | string>;
  consumerVersionTags?: string[];
  providerVersionTags?: string[];
  providerVersionBranch?: string;
  enablePending?: boolean;
  includeWipPactsSince?: string;
  stateHandlerUrl?: string;
  providerStatesSetupUrl?: string;
  stateChangeTeardown?: boolean;
  customHeaders?: Record<string, string>;
  filterDescription?: string;
  filterState?: string;
  filterNoState?: boolean;
  consumerFilters?: string[];
  publishVerificationResult?: boolean;
  providerVersion?: string;
  buildUrl?: string;
  /** Request timeout in milliseconds (default 5000). */
  timeout?: number;
  disableSslVerification?: boolean;
  /** ANSI colours in the output (default false). */
  colour?: boolean;
}

export interface VerificationResult {
  /** 0 passed, 1 failed, 2 could not run. */
  code: number;
  ok: boolean;
  output: string;
  json: Record<string, unknown> | null;
}

export declare class Verifier {
  constructor(opts: VerifierOptions);
  verifyProvider(): Promise<VerificationResult>;
}

export declare function formatMismatches(mismatches: Array<Record<string, unknown>>): string;
export declare function logToStderr(level: 'off' | 'error' | 'warn' | 'info' | 'debug' | 'trace'): void;
export declare function abiVersion(): string;
export declare function libraryVersion(): string;
