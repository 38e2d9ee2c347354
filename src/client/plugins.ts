import type { CorsPrediction, Engine } from '../cors/index.js';
import type { CredentialsDecision, CredentialsPolicy } from '../policy/credentials.js';
import type { MinimizeOptions } from '../policy/minimize.js';
import type { ClientStats, StatsOptions } from './stats.js';
import type { SendingFetch } from './transport.js';
import type { Warner } from './warnings.js';

// The opt-in features reach the core as plugins: objects made by a factory (credentialsPolicy, jsonpTransport,
// minimizePreflights, diagnosis, sessionStats) that carry their own code. The core imports only these types, so an app that does
// not call a factory never ships the feature. The brand tells a plugin from the plain option objects of 0.1, which
// validation refuses by name rather than ignore (a credentials policy silently dropped would leak cookies).

/** The brand every plugin carries: which option it belongs to. */
export const PLUGIN: unique symbol = Symbol.for('crosswise.plugin') as never;

/** The option each plugin is passed as, and the factory that makes it (named in the errors of a plain object). */
export const PLUGIN_FACTORIES = {
  credentials: 'credentialsPolicy',
  jsonp: 'jsonpTransport',
  minimize: 'minimizePreflights',
  diagnose: 'diagnosis',
  stats: 'sessionStats',
} as const;

export type PluginSlot = keyof typeof PLUGIN_FACTORIES;

/** True when `value` is the plugin made for the option `slot`. */
export function isPlugin(value: unknown, slot: PluginSlot): boolean {
  return typeof value === 'object' && value !== null && (value as { [PLUGIN]?: unknown })[PLUGIN] === slot;
}

/** One call under the credentials policy: the request with its mode decided, and how to send it. */
export interface CredentialedCall {
  request: Request;
  /** A combination the browser will refuse (a wildcard origin with credentials), to warn about once. */
  warning: string | undefined;
  /** Sends `request` (the call as the other plugins left it), following its redirects under the policy where it must. */
  send(request: Request, fetch: SendingFetch, init: RequestInit | undefined): Promise<Response>;
}

/** The per-origin credentials policy, as `credentialsPolicy()` makes it: pass it as the `credentials` option. */
export interface CredentialsPlugin {
  /** The option this plugin is for. */
  readonly [PLUGIN]: 'credentials';
  /** The policy it enforces. */
  readonly policy: Readonly<CredentialsPolicy>;
}

/** What the core calls on the credentials plugin (not part of the public type). */
export interface CredentialsPluginCode extends CredentialsPlugin {
  /** Decides the mode of one call; throws a CredentialsPolicyError when the call asks for what the policy refuses. */
  apply(request: Request, page: string | null): CredentialedCall;
  /** The policy's decision for `target`, for the JSONP check. */
  decide(target: string, page: string | null, asked: RequestCredentials | undefined): CredentialsDecision;
}

/** Per-call JSONP wishes, as ky forwards them to the transport. */
export interface JsonpWish {
  transport?: 'fetch' | 'jsonp';
  fallback?: 'jsonp';
}

/** The JSONP transport and fallback, as `jsonpTransport()` makes it: pass it as the `jsonp` option. */
export interface JsonpPlugin {
  /** The option this plugin is for. */
  readonly [PLUGIN]: 'jsonp';
  /** The origins allowed to answer by JSONP, and how. */
  readonly options: Readonly<JsonpTransportOptions>;
}

/** What the core calls on the JSONP plugin (not part of the public type). */
export interface JsonpPluginCode extends JsonpPlugin {
  /** Refuses, before anything is sent, a wish JSONP cannot honour (not GET, not allowlisted, cookies kept). */
  check(request: Request, wish: JsonpWish, credentials: CredentialsPluginCode | undefined, page: string | null): void;
  /** Loads the request's URL through a script tag and answers as a JSON Response. */
  load(request: Request): Promise<Response>;
}

/** Which origins may be loaded by JSONP, and how. JSONP runs remote code with the page's authority. */
export interface JsonpTransportOptions {
  /**
   * Exact origins allowed to answer by JSONP.
   * @example ['https://legacy.example.com']
   */
  origins: readonly string[];
  /**
   * The query parameter that names the callback.
   * @default 'callback'
   */
  callbackParam?: string;
  /**
   * How long a script may take to call back, in milliseconds.
   * @default 10000
   */
  timeout?: number;
  /**
   * A script tag always sends the cookies of the origin it loads from: it has no credentials mode. So JSONP toward an
   * origin the client keeps cookies from (outside the credentials policy's `include`, or a call with
   * `credentials: 'omit'`) throws a `CredentialsPolicyError` (code `jsonp_sends_cookies`) before anything is sent.
   * `'include'` accepts that those origins get cookies by JSONP.
   * @default undefined (JSONP follows the client's credentials)
   * @example jsonpTransport({ origins: ['https://legacy.example.com'], credentials: 'include' })
   */
  credentials?: 'include';
  /**
   * The document the script tags go into: inject one where there is no global `document` (a DOM emulation in Node)
   * or to load into an iframe's document.
   * @default globalThis.document
   */
  document?: Document;
}

/** The preflight-avoiding rewrites, as `minimizePreflights()` makes them: pass it as the `minimize` option. */
export interface MinimizePlugin {
  /** The option this plugin is for. */
  readonly [PLUGIN]: 'minimize';
  /** The rewrites it applies. */
  readonly options: Readonly<MinimizeOptions>;
}

/** What the core calls on the minimize plugin (not part of the public type). */
export interface MinimizePluginCode extends MinimizePlugin {
  /** Rewrites a call that is not same-origin with `page` (a 'null' page is cross-origin with everything); null when no rewrite applies. */
  rewrite(request: Request, page: string | null): Promise<{ request: Request; applied: readonly string[] } | null>;
}

/** Turns a network failure into what it is (a CorsError in a browser), or returns it unchanged. */
export type Diagnose = (error: Error, request: Request, prediction: CorsPrediction) => Promise<Error>;

/** What one client's diagnosis runs on: its own evidence, and the client's fetch and warner. */
export interface DiagnosisSession {
  /** Sees every response fetch resolved with (it passed the browser's CORS check); with `hiddenHeaders`, watches its reads. */
  received(response: Response, prediction: CorsPrediction): void;
  diagnose: Diagnose;
}

/** The evidence-ranked diagnosis of failed calls, as `diagnosis()` makes it: pass it as the `diagnose` option. */
export interface DiagnosisPlugin {
  /** The option this plugin is for. */
  readonly [PLUGIN]: 'diagnose';
  /** How failures are diagnosed. */
  readonly options: Readonly<DiagnosisOptions>;
}

/** What the core calls on the diagnosis plugin (not part of the public type). */
export interface DiagnosisPluginCode extends DiagnosisPlugin {
  /** Starts one client's diagnosis: each client keeps its own evidence. */
  start(fetch: (request: Request) => Promise<Response>, warn: Warner): DiagnosisSession;
}

/** How a failed cross-origin call is diagnosed. Each check runs only after a failure, and only when asked for. */
export interface DiagnosisOptions {
  /**
   * Whether the browser's CORS rules apply here. Outside a browser (Node, SSR, tests) a network failure is never a CORS
   * refusal: the platform's error is thrown as it is.
   * @default true in a page or worker that has a location, else false
   */
  browser?: boolean;
  /**
   * After a failure, send one `mode: 'no-cors'` GET to the target's origin (no credentials, short deadline): an answer
   * proves the server is up (the browser refused the response); a network error proves it unreachable.
   * @default false
   */
  reachability?: boolean;
  /**
   * The URL of a dev probe handler (`createProbeHandler` of `crosswise/dev`, or the `crosswise/vite` plugin): after a
   * failure the client asks it to replay the preflight from the server side, and the cause it reads is `confirmed`.
   * Only the method, header names, credentials mode and origin are sent to it, never header values or cookies.
   * @default undefined (no probe)
   * @example '/__crosswise/probe'
   */
  probe?: string;
  /**
   * Deadline of the reachability check and the probe, in milliseconds.
   * @default 3000
   */
  timeout?: number;
  /**
   * Development aid: warn (once per header and origin, through `onWarning`) when the app reads a response header of a
   * cross-origin response that comes back null because the server does not list it in Access-Control-Expose-Headers.
   * @default false
   */
  hiddenHeaders?: boolean;
}

/** The per-endpoint record of a client's calls, as `sessionStats()` makes it: pass it as the `stats` option. */
export interface StatsPlugin {
  /** The option this plugin is for. */
  readonly [PLUGIN]: 'stats';
  /** What it records, and the preflight cache it replays the calls through. */
  readonly options: Readonly<StatsOptions>;
}

/** One client's record (each client, an `extend`ed one too, keeps its own). */
export interface StatsSession {
  /** Counts one call that goes out. */
  record(prediction: CorsPrediction): void;
  /** With `responseHeaders`: watches which headers the app reads from each response; undefined otherwise. */
  received: ((response: Response, prediction: CorsPrediction) => void) | undefined;
  /** A copy of what was recorded: what the client's `stats()` returns. */
  snapshot(): ClientStats;
}

/** What the core calls on the stats plugin (not part of the public type). */
export interface StatsPluginCode extends StatsPlugin {
  /** Starts one client's record, replaying its calls through `engine`'s preflight cache. */
  start(engine: Engine): StatsSession;
}

/** Options that carry the stats plugin: a client or fetch made with them is typed with `stats()`. */
export interface WithStatsPlugin {
  /**
   * The per-endpoint record of the calls, made by `sessionStats()`.
   * @example sessionStats({ responseHeaders: true })
   */
  stats: StatsPlugin;
}

/** What a client or fetch made with `stats: sessionStats()` has besides: the reader of its record. */
export interface StatsReader {
  /**
   * Per endpoint: simple vs preflighted calls, the OPTIONS round trips the browser's preflight cache lets through, and
   * (with `responseHeaders`) the response headers the app read. A copy: plain data, `JSON.stringify` it for
   * `crosswise server-config`. Only a client made with `stats: sessionStats()` has it (typed so); without the plugin
   * nothing is recorded, and a call (from untyped code) throws a TypeError that says so.
   * @example
   * const api = createClient({ baseUrl: 'https://api.example.com', stats: sessionStats() });
   * await api.get('items');
   * api.stats().endpoints['GET https://api.example.com/items']?.calls; // 1
   */
  stats(): ClientStats;
}
