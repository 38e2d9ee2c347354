import ky, { type Input, type KyInstance, type Options as KyOptions, type ResponsePromise } from 'ky';
import type { CorsPrediction } from '../cors/index.js';
import { RequestInputError } from '../errors/request-input-error.js';
import { checkHeadersOption, refuseBeforeBuilding, refuseMalformedCall, setsUncheckedOption } from './input-check.js';
import { onCallNetworkFailure, stopAtFetch, wrapsBodyInStream, type KyFetch } from './ky-contract.js';
import { getPrediction } from './predictions.js';
import { createCore } from './setup.js';
import type { StatsReader, WithStatsPlugin } from './plugins.js';
import {
  badOption,
  CROSSWISE_OPTION_KEYS,
  type CallOptions,
  type GetOptions,
  type ClientOptions,
  type CrosswiseOptions,
} from './options.js';
import { createTransport, predictRequest, type SendingFetch, type TransportInit } from './transport.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';

/** A ky-like client that knows, per call, what the browser will do cross-origin. Immutable: `extend` makes a new one. */
export interface CrosswiseClient {
  /**
   * Sends a GET request, as ky's `get` does, after predicting what the browser will do with it.
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options ky's options for this call, plus crosswise's per-call ones (`cors`, `allowPreflight`, …).
   * @example
   * const items = await api.get('items', { searchParams: { page: 2 } }).json();
   */
  get(url: Input, options?: GetOptions): ResponsePromise;
  /**
   * Sends a POST request, as ky's `post` does, after predicting what the browser will do with it.
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options ky's options for this call, plus crosswise's per-call ones (`cors`, `allowPreflight`, …).
   * @example
   * const created = await api.post('items', { json: { name: 'astrolabe' } }).json();
   */
  post(url: Input, options?: CallOptions): ResponsePromise;
  /**
   * Sends a PUT request, as ky's `put` does, after predicting what the browser will do with it.
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options ky's options for this call, plus crosswise's per-call ones (`cors`, `allowPreflight`, …).
   */
  put(url: Input, options?: CallOptions): ResponsePromise;
  /**
   * Sends a PATCH request, as ky's `patch` does, after predicting what the browser will do with it.
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options ky's options for this call, plus crosswise's per-call ones (`cors`, `allowPreflight`, …).
   */
  patch(url: Input, options?: CallOptions): ResponsePromise;
  /**
   * Sends a DELETE request, as ky's `delete` does, after predicting what the browser will do with it.
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options ky's options for this call, plus crosswise's per-call ones (`cors`, `allowPreflight`, …).
   */
  delete(url: Input, options?: CallOptions): ResponsePromise;
  /**
   * Sends a HEAD request, as ky's `head` does, after predicting what the browser will do with it.
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options ky's options for this call, plus crosswise's per-call ones (`cors`, `allowPreflight`, …).
   */
  head(url: Input, options?: CallOptions): ResponsePromise;
  /**
   * The prediction for the exact Request this client would send (hooks run; nothing is sent).
   * @param url The URL, or a path resolved against the client's `baseUrl` (and `prefix`), as in ky; or a `Request`.
   * @param options The call's options, as for the method, plus the method itself.
   * @example
   * const prediction = await api.explain('items', { method: 'PUT', json: { name: 'x' } });
   * prediction.kind; // 'preflight'
   */
  explain(
    url: Input,
    options?: CallOptions & {
      /** The method the call would use. @default 'GET' */
      method?: string;
    },
  ): Promise<CorsPrediction>;
  /**
   * A new client with these options merged over this one's (ky's merge for ky options), whose `stats` plugin gives it
   * `stats()`: its own record, apart from the parent's.
   */
  extend(options: ClientOptions & WithStatsPlugin): CrosswiseClient & StatsReader;
  /**
   * A new client with these options merged over this one's (ky's merge for ky options). A child of a client with
   * `stats()` has `stats()` too, its own record, apart from the parent's.
   */
  extend(options: ClientOptions | ((parent: Readonly<ClientOptions>) => ClientOptions)): this;
  /** The options this client was made with. */
  readonly options: Readonly<ClientOptions>;
}

/** Sorts options into crosswise's, ky's and the caller's `fetch` (the transport wraps it), and checks the `headers`. */
function split(options: ClientOptions): { own: CrosswiseOptions; kyOptions: KyOptions; fetch: KyFetch | undefined } {
  const own: Record<string, unknown> = {};
  const kyOptions: Record<string, unknown> = {};
  let fetch: unknown;
  for (const [key, value] of Object.entries(options)) {
    // A credentials *policy* is crosswise's; a plain mode string is fetch's and goes to ky.
    const ours = key === 'credentials' ? typeof value === 'object' : (CROSSWISE_OPTION_KEYS as readonly string[]).includes(key);
    if (key === 'fetch') fetch = value;
    else (ours ? own : kyOptions)[key] = value;
  }
  checkHeadersOption(kyOptions['headers']);
  return { own: own as CrosswiseOptions, kyOptions: kyOptions as KyOptions, fetch: fetch as KyFetch | undefined };
}

/**
 * The per-call options as ky gets them. A per-call `fetch` would replace ky's, which is the transport, and skip every
 * policy: it rides to the transport under a key of crosswise's instead, and the transport calls it. A simple call
 * (no `fetch`, no upload progress) passes through without a copy.
 */
function forKy(options: GetOptions | undefined): KyOptions | undefined {
  // The key, not its value: ky merges `fetch: undefined` over the transport too, and then sends with the global fetch.
  if (options === undefined || (!('fetch' in options) && !wrapsBodyInStream(options))) return options as KyOptions | undefined;
  const { fetch, ...rest } = options;
  const marked: TransportInit = {};
  if (fetch !== undefined && fetch !== null) {
    if (typeof fetch !== 'function') throw new TypeError(badOption('fetch', `must be a function, not ${typeof fetch}`));
    marked.crosswiseFetch = fetch as SendingFetch;
  }
  if (wrapsBodyInStream(options)) marked.crosswiseUploadStream = true;
  return { ...rest, ...marked } as KyOptions;
}

/** `kyBase` holds every ky option (ky merges headers and hooks on extend); crosswise's own options ride beside. */
function build(
  own: CrosswiseOptions,
  kyBase: KyInstance,
  userFetch: KyFetch | undefined,
  options: ClientOptions,
): CrosswiseClient & StatsReader {
  const { config, diagnose, stats } = createCore(
    own,
    userFetch as SendingFetch | undefined,
    options as CrosswiseOptions & Record<string, unknown>,
  );
  const instance = kyBase.extend({ fetch: createTransport(config) as KyFetch });
  // The client's options as every call's defaults, for the input checks: a credentials policy is crosswise's, not
  // fetch's `credentials` (read as one, it would refuse every call that sets `referrer` or `keepalive`).
  const defaults = (typeof options.credentials === 'object' ? { ...options, credentials: undefined } : options) as KyOptions;
  // ky throws the platform's bare TypeError while it builds the Request: name the malformed part instead.
  const refuse = (error: unknown, url: Input, callOptions: KyOptions & { method?: string | undefined }): unknown =>
    refuseMalformedCall(error, url, callOptions, defaults, config) ?? error;
  // Known when the client is made (ky keeps its own copy of the options then): most calls skip the early check whole.
  const clientSetsUnchecked = setsUncheckedOption(defaults);
  const call = (method: Method) => {
    const upper = method.toUpperCase();
    return (url: Input, callOptions?: GetOptions) => {
      if (clientSetsUnchecked || setsUncheckedOption(callOptions as KyOptions | undefined)) {
        const refused = refuseBeforeBuilding(url, { ...(callOptions as KyOptions), method: upper }, defaults, config);
        if (refused !== undefined) throw refused;
      }
      try {
        // After ky's retries: in a browser, a cross-origin network failure becomes a CorsError with its causes ranked by evidence.
        return onCallNetworkFailure(instance[method](url, forKy(callOptions)), (error, request) =>
          diagnose(
            error,
            request,
            getPrediction(request) ?? predictRequest(request, config, wrapsBodyInStream({ ...options, ...callOptions })),
          ),
        );
      } catch (error) {
        throw refuse(error, url, { ...(callOptions as KyOptions), method: upper });
      }
    };
  };

  return Object.freeze({
    get: call('get'),
    post: call('post'),
    put: call('put'),
    patch: call('patch'),
    delete: call('delete'),
    head: call('head'),
    async explain(url: Input, callOptions: CallOptions & { method?: string } = {}): Promise<CorsPrediction> {
      // Runs ky's whole pipeline up to the network and stops there: the prediction is for the exact final Request.
      const refusedEarly = refuseBeforeBuilding(url, callOptions as KyOptions & { method?: string }, defaults, config);
      if (refusedEarly !== undefined) return refusedEarly.prediction;
      let stopped: { value: CorsPrediction } | undefined;
      try {
        stopped = await stopAtFetch(
          (overrides) => instance(url, { ...callOptions, ...overrides } as KyOptions),
          (request) => predictRequest(request, config, wrapsBodyInStream(callOptions)),
        );
      } catch (error) {
        const refused = refuse(error, url, callOptions as KyOptions & { method?: string });
        if (refused instanceof RequestInputError) return refused.prediction;
        throw refused;
      }
      if (stopped !== undefined) return stopped.value;
      throw new Error('crosswise: explain() reached no request');
    },
    extend(next: ClientOptions | ((parent: Readonly<ClientOptions>) => ClientOptions)): CrosswiseClient & StatsReader {
      const child = typeof next === 'function' ? next(options) : next;
      const { own: childOwn, kyOptions: childKy, fetch: childFetch } = split(child);
      return build({ ...own, ...childOwn }, kyBase.extend(childKy), childFetch ?? userFetch, { ...options, ...child });
    },
    // Typed only on a client made with the stats plugin; without it, stats() throws (saying why) for untyped callers.
    stats,
    options: Object.freeze({ ...options }),
  });
}

/**
 * Makes a client that records its calls (its other options as in the signature below): with `stats: sessionStats()`
 * it has `stats()`, the per-endpoint record (`JSON.stringify(api.stats())` is `crosswise server-config`'s input).
 * @example
 * const api = createClient({ baseUrl: 'https://api.example.com', stats: sessionStats({ responseHeaders: true }) });
 * await api.get('items');
 * api.stats().calls; // 1
 */
export function createClient(options: ClientOptions & WithStatsPlugin): CrosswiseClient & StatsReader;
/**
 * Makes a client: every ky option passes through (`baseUrl`, `prefix`, `headers`, `hooks`, `retry`, `timeout`,
 * `fetch` …), and crosswise adds its own (see `CrosswiseOptions`): `origin`, `engine`, `cors`, `allowPreflight`,
 * `onWarning`, `credentials` (a mode, or a `credentialsPolicy()`), and the opt-in plugins `jsonp` (`jsonpTransport()`),
 * `minimize` (`minimizePreflights()`), `diagnose` (`diagnosis()`) and `stats` (`sessionStats()`: the client then has
 * `stats()`, and its type says so). A plugin option
 * given plain data (crosswise 0.1's shape) throws a TypeError naming its factory; every option is checked here, not
 * at the first call.
 * @example
 * const api = createClient({ baseUrl: 'https://api.example.com', origin: 'https://app.example.com', cors: 'strict' });
 * const items = await api.get('items').json();
 * @example
 * const api = createClient({
 *   baseUrl: 'https://api.example.com',
 *   credentials: credentialsPolicy({ include: ['https://api.example.com'], otherwise: 'omit' }),
 *   diagnose: diagnosis({ probe: '/__crosswise/probe' }),
 * });
 */
export function createClient(options?: ClientOptions): CrosswiseClient;
export function createClient(options: ClientOptions = {}): CrosswiseClient & StatsReader {
  const { own, kyOptions, fetch } = split(options);
  return build(own, ky.create(kyOptions), fetch, options);
}
