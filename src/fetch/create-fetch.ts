import { REQUEST_INIT_MEMBERS } from '../cors/init-enums.js';
import type { CorsPrediction } from '../cors/index.js';
import {
  badOption,
  CROSSWISE_OPTION_KEYS,
  MOVED_TO_STATS,
  type AllowPreflight,
  type CorsMode,
  type CrosswiseOptions,
} from '../client/options.js';
import { getPrediction, remember, rememberAs } from '../client/predictions.js';
import { rebuildRequest } from '../client/rebuild.js';
import { createCore } from '../client/setup.js';
import type { StatsReader, WithStatsPlugin } from '../client/plugins.js';
import { uncoveredCauses } from '../client/allow-preflight.js';
import { createTransport, predictRequest, type SendingFetch, type TransportInit } from '../client/transport.js';
import { createRepeatMemo, plainCallKey } from './repeat-memo.js';

// createFetch: the client's transport, without ky. One Request per call is built here, from fetch's own arguments;
// the transport predicts it and applies the policies; when none of them rebuilt it, the platform gets the caller's
// own arguments back, so a body goes out untouched. A repeated plain call skips the Request (repeat-memo.ts).

/** What sends a call: fetch's signature. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Options of `createFetch`: crosswise's own options (as in `createClient`), and the fetch that really sends. */
export interface FetchOptions extends CrosswiseOptions {
  /**
   * The fetch that sends the calls, under every policy. It receives the caller's own arguments when no policy
   * rewrote the call, else the rewritten Request.
   * @default globalThis.fetch (looked up at each call)
   */
  fetch?: FetchFunction;
}

/** fetch's `init`, plus crosswise's per-call options (fetch ignores them). */
export interface CrosswiseRequestInit extends RequestInit {
  /**
   * This call's CORS mode, over the `cors` option.
   * @default the `cors` option of `createFetch`
   */
  cors?: CorsMode;
  /**
   * This call's accepted preflights, over the `allowPreflight` option.
   * @default the `allowPreflight` option of `createFetch`
   */
  allowPreflight?: AllowPreflight;
  /**
   * `'jsonp'`: load this GET through a script tag (needs `jsonpTransport()`, with this origin in its `origins`).
   * @default 'fetch'
   */
  transport?: 'fetch' | 'jsonp';
  /** `'jsonp'`: on a cross-origin network failure, retry this GET once by JSONP (allowlisted origins only). No fallback when absent. */
  fallback?: 'jsonp';
}

/** A fetch that predicts, warns, enforces and diagnoses: use it wherever a library accepts a `fetch`. */
export interface CrosswiseFetch {
  /**
   * Sends like `fetch()`, after predicting what the browser will do with the call (and refusing it in strict mode).
   * @param input The URL or `Request`, as `fetch()` takes it.
   * @param init `fetch()`'s options, plus crosswise's per-call ones (`cors`, `allowPreflight`, `fallback`).
   * @example
   * const response = await crosswiseFetch('https://api.example.com/items', { headers: { Authorization: token } });
   */
  (input: RequestInfo | URL, init?: CrosswiseRequestInit): Promise<Response>;
  /** The options this fetch was made with. */
  readonly options: Readonly<FetchOptions>;
}

/** The caller's own arguments, kept on the Request built from them. */
const ARGUMENTS: unique symbol = Symbol('crosswise.fetch.arguments') as never;
interface Built extends Request {
  [ARGUMENTS]?: readonly [string | URL, RequestInit | undefined];
}

const NO_PER_CALL: TransportInit = Object.freeze({});

// Keys the transport uses itself: a caller's init may not set them.
const INTERNAL_KEYS: ReadonlySet<string> = new Set(['crosswiseFetch', 'crosswiseUploadStream']);

/**
 * The keys of a call's init that the Request built from it does not keep, or keeps where no one can read it, for the
 * transport: crosswise's own (`cors`, `allowPreflight`, `transport`, `fallback`), the platform's own (undici's
 * `dispatcher`…), and `priority` (a Request has no getter for it), which the transport hands to the sending fetch on
 * every path, a rebuilt Request and each verified redirect included. ky forwards `priority` the same way.
 */
function perCall(init: CrosswiseRequestInit | undefined): TransportInit {
  if (init === undefined) return NO_PER_CALL;
  let keys: Record<string, unknown> | undefined;
  for (const key in init) {
    if ((REQUEST_INIT_MEMBERS.has(key) && key !== 'priority') || INTERNAL_KEYS.has(key)) continue;
    keys ??= {};
    keys[key] = (init as Record<string, unknown>)[key];
  }
  // A Request hides whether its body was a stream; the browser preflights a stream upload.
  if (init.body instanceof ReadableStream) return { ...keys, crosswiseUploadStream: true };
  return keys ?? NO_PER_CALL;
}

const OWN_KEYS: ReadonlySet<string> = new Set<string>([...CROSSWISE_OPTION_KEYS, ...MOVED_TO_STATS, 'fetch']);

/** A ky option (prefix, retry, hooks…) has no meaning here: name it rather than ignore it. */
function refuseUnknownKeys(options: FetchOptions): void {
  for (const key of Object.keys(options)) {
    if (!OWN_KEYS.has(key))
      throw new TypeError(
        badOption(key, "is not an option of createFetch (it takes crosswise's options and `fetch`; ky's options belong to createClient)"),
      );
  }
}

/**
 * Makes a fetch that records its calls (its other options as in the signature below): with `stats: sessionStats()`
 * it has `stats()`, the per-endpoint record (`JSON.stringify(apiFetch.stats())` is `crosswise server-config`'s input).
 * @example
 * const apiFetch = createFetch({ origin: 'https://app.example.com', stats: sessionStats() });
 * await apiFetch('https://api.example.com/items');
 * apiFetch.stats().calls; // 1
 */
export function createFetch(options: FetchOptions & WithStatsPlugin): CrosswiseFetch & StatsReader;
/**
 * Makes a fetch with fetch's signature and behaviour that adds what crosswise's client adds: the prediction of each
 * exact Request (`getPrediction(response)`, `error.prediction`), one warning per distinct cause, strict mode, the
 * per-origin credentials policy (redirects included), the `CorsError` diagnosis, the JSONP fallback, and with
 * `stats: sessionStats()` the per-endpoint record read by `stats()` (typed only then).
 * @example
 * const apiFetch = createFetch({
 *   origin: 'https://app.example.com',
 *   cors: 'strict',
 *   credentials: credentialsPolicy({ include: ['https://api.example.com'] }),
 * });
 * const response = await apiFetch('https://api.example.com/items');
 */
export function createFetch(options?: FetchOptions): CrosswiseFetch;
export function createFetch(options: FetchOptions = {}): CrosswiseFetch & StatsReader {
  refuseUnknownKeys(options);
  const send = options.fetch;
  if (send !== undefined && typeof send !== 'function') throw new TypeError(badOption('fetch', `must be a function, not ${typeof send}`));
  // Looked up at each call: a test or polyfill may replace the global fetch after this one was made.
  const platform = (): FetchFunction => send ?? globalThis.fetch;
  // What the platform rejected with: only that is a network failure to diagnose, not a TypeError of crosswise's own checks.
  const networkErrors = new WeakSet<object>();
  const sending: SendingFetch = async (request, init) => {
    const original = (request as Built)[ARGUMENTS];
    try {
      if (original !== undefined) return await platform()(original[0], original[1]);
      // The transport's init keeps the Request's referrer (see createTransport).
      return await platform()(request, init);
    } catch (error) {
      if (typeof error === 'object' && error !== null) networkErrors.add(error);
      throw error;
    }
  };
  const { config, diagnose, stats } = createCore(options, sending, options as FetchOptions & Record<string, unknown>);
  const transport = createTransport(config);
  // A mode string is every call's default, as in createClient; the call's own `credentials` wins.
  const mode = typeof options.credentials === 'string' ? options.credentials : undefined;

  // Plain calls pass the policies untouched only when no policy rewrites or checks anything per call.
  const memo = mode === undefined && config.credentials === undefined && config.minimize === undefined ? createRepeatMemo() : undefined;

  /** Nothing to enforce or warn about, and sent as it came (by fetch, not rewritten): the next identical call may skip the Request. */
  const memoizeIfClean = (key: string, request: Request, response: Response): void => {
    const prediction = getPrediction(response);
    if (
      prediction !== undefined &&
      getPrediction(request) === prediction &&
      uncoveredCauses(prediction.reasons, config.allowPreflight).length === 0
    )
      memo?.set(key, prediction);
  };

  /** Network failures become the CorsError in a browser; elsewhere the TypeError stays, with its prediction. */
  const failed = async (error: unknown, request: Request, prediction: CorsPrediction): Promise<never> => {
    // fetch rejects with a TypeError on a network failure (a CORS refusal looks like one); aborts and crosswise's refusals are not.
    if (!(error instanceof TypeError) || !networkErrors.has(error)) throw error;
    const diagnosed = await diagnose(error, request, prediction);
    if (diagnosed === error) remember(error, { prediction });
    throw diagnosed;
  };

  const crosswiseFetch = async (input: RequestInfo | URL, init?: CrosswiseRequestInit): Promise<Response> => {
    const key = memo === undefined ? undefined : plainCallKey(input, init);
    const known = key === undefined ? undefined : memo?.get(key);
    if (known !== undefined) {
      config.record?.(known.prediction);
      let response: Response;
      try {
        response = await platform()(input, init);
      } catch (error) {
        if (typeof error === 'object' && error !== null) networkErrors.add(error);
        return failed(error, new Request(input, init), known.prediction);
      }
      remember(response, known);
      config.received?.(response, known.prediction);
      return response;
    }
    const given: Built = input instanceof Request && init === undefined ? input : new Request(input, init);
    // The mode string is crosswise's own rebuild: made from the caller's arguments first (an init of theirs resets the
    // referrer, as fetch's own would), then given the mode with the referrer kept (a Request input's `no-referrer` too).
    const request = mode === undefined || init?.credentials !== undefined ? given : rebuildRequest(given, { credentials: mode });
    // The arguments go back to the platform only when the Request is exactly what they make, and they can be used again: a
    // Request input's body now belongs to the Request built from it.
    if (!(input instanceof Request) && request === given) given[ARGUMENTS] = [input, init];
    const keys = perCall(init);
    let response: Response;
    try {
      response = await transport(request, keys);
    } catch (error) {
      return failed(error, request, getPrediction(request) ?? predictRequest(request, config, keys.crosswiseUploadStream === true));
    }
    // A library that keeps the Request it passed (axios's `response.request`) finds the prediction on it too.
    if (request !== input && input instanceof Request) rememberAs(input, request);
    if (key !== undefined) memoizeIfClean(key, request, response);
    return response;
  };
  return Object.freeze(Object.assign(crosswiseFetch, { stats, options: Object.freeze({ ...options }) }));
}
