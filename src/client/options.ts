import type { Options as KyOptions } from 'ky';
import { ENGINES, type CorsPrediction, type Engine, type Reason } from '../cors/index.js';
import { originOf } from '../cors/origin.js';
import { validateCredentialsPolicy, type CredentialsPolicy } from '../policy/credentials.js';
import { validateMinimizeOptions, type MinimizeOptions } from '../policy/minimize.js';
import type { StatsOption } from './stats.js';

/** What to do with a call the browser would preflight or refuse. */
export type CorsMode = 'warn' | 'strict' | 'off';

/** Preflights a call or client accepts in strict mode: all of them, or those caused only by these methods and headers. */
export type AllowPreflight = boolean | { methods?: readonly string[]; headers?: readonly string[] };

/** One warning about a call the browser will preflight or refuse; emitted once per distinct cause. */
export interface CorsWarning {
  /** A one-line summary: what, where, and the first fix. */
  message: string;
  /** The causes (reasons with severity `preflight` or `reject`). */
  reasons: readonly Reason[];
  prediction: CorsPrediction;
}

/** crosswise's own options, beside every ky option. */
export interface CrosswiseOptions extends StatsOption {
  /**
   * The page's origin, against which calls are judged same- or cross-origin. `'null'` is the opaque origin of a
   * sandboxed iframe or a `file:` page: every call from it is cross-origin and carries `Origin: null`.
   * @default the page's own origin, `self.origin` (`'null'` in a sandboxed iframe), else `location.origin`
   * @example 'https://app.example.com'
   */
  origin?: string;
  /**
   * Whose CORS rules to apply.
   * @default the engine running the page, else 'standard'
   */
  engine?: Engine;
  /**
   * `warn`: call `onWarning` once per distinct cause of a preflight or refusal; `strict`: throw a `CorsPolicyError`
   * before anything is sent, unless `allowPreflight` covers the cause; `off`: predict only.
   * @default 'warn'
   */
  cors?: CorsMode;
  /**
   * Preflights accepted in strict mode (and not warned about).
   * @default false
   * @example { headers: ['authorization'] }
   */
  allowPreflight?: AllowPreflight;
  /**
   * Receives each warning once per distinct cause (origin + method + header set).
   * @default console.warn
   */
  onWarning?: (warning: CorsWarning) => void;
  /**
   * A credentials mode for every call (as in fetch), or a per-origin policy: credentials go to the `include`
   * origins only; asking for `include` anywhere else throws a `CredentialsPolicyError` before sending.
   * @default fetch's 'same-origin'
   * @example { include: ['https://api.example.com'], otherwise: 'omit' }
   */
  credentials?: RequestCredentials | CredentialsPolicy;
  /**
   * The Access-Control-Max-Age the servers declare (seconds), for all origins or per origin: `stats()` uses it to
   * count the OPTIONS round trips the browser's preflight cache does not absorb. Absent: the standard's 5 s.
   * @example { 'https://api.example.com': 600 }
   */
  preflightMaxAge?: number | Readonly<Record<string, number>>;
  /**
   * Origins allowed to answer GET calls by JSONP (`transport: 'jsonp'` or `fallback: 'jsonp'`), and its options.
   * @example { origins: ['https://legacy.example.com'], callbackParam: 'cb' }
   */
  jsonp?: JsonpClientOptions;
  /**
   * Opt-in rewrites that keep cross-origin calls simple, each only where you declare the server accepts it. Every
   * rewrite applied is reported through `onWarning` (once) and `getRewrites(response)`.
   * @example { jsonAsText: true, headersToQuery: { 'x-api-key': 'api_key' }, methodOverride: '_method' }
   */
  minimize?: MinimizeOptions;
  /**
   * How a failed cross-origin call is diagnosed (the `CorsError`'s causes). By default from what is already known,
   * with no extra traffic: the call's prediction and the calls this client saw succeed at the same origin.
   * @example { probe: '/__crosswise/probe' } // with the dev probe of `crosswise/dev` or `crosswise/vite`
   */
  diagnose?: DiagnoseOptions;
  /**
   * The clock `stats()` replays the preflight cache with, in milliseconds.
   * @default performance.now
   */
  clock?: () => number;
}

/** How a failed cross-origin call is diagnosed. Each check runs only after a failure, and only when asked for. */
export interface DiagnoseOptions {
  /**
   * Whether the browser's CORS rules apply here. Outside a browser (Node, SSR, tests) a network failure is never a CORS
   * refusal: ky's own `NetworkError` is thrown as it is.
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

/** Options of `createClient`: every ky option, plus crosswise's own. */
export type ClientOptions = Omit<KyOptions, keyof CrosswiseOptions> & CrosswiseOptions;

/** Per-call options: every ky option, plus the per-call crosswise ones. */
export type CallOptions = Omit<KyOptions, 'cors' | 'allowPreflight' | 'transport' | 'fallback'> &
  Pick<CrosswiseOptions, 'cors' | 'allowPreflight'>;

/** GET calls may also travel by JSONP (a script tag cannot send anything else). */
export type GetOptions = CallOptions & {
  /** `'jsonp'`: always load through a script tag. The origin must be in the client's `jsonp.origins`. */
  transport?: 'fetch' | 'jsonp';
  /** `'jsonp'`: use fetch; on a cross-origin network failure, retry once through JSONP (allowlisted origins only). */
  fallback?: 'jsonp';
};

/** Which origins may be loaded by JSONP, and how. JSONP runs remote code with the page's authority. */
export interface JsonpClientOptions {
  /** Exact origins allowed to answer by JSONP. */
  origins: readonly string[];
  /** @default 'callback' */
  callbackParam?: string;
  /** @default 10000 */
  timeout?: number;
  /**
   * A script tag always sends the cookies of the origin it loads from: it has no credentials mode. So JSONP toward an
   * origin the client keeps cookies from (outside `credentials.include`, or a call with `credentials: 'omit'`) throws a
   * `CredentialsPolicyError` (code `jsonp_sends_cookies`) before anything is sent. `'include'` accepts that those
   * origins get cookies by JSONP.
   * @default undefined (JSONP follows the client's credentials)
   * @example { origins: ['https://legacy.example.com'], credentials: 'include' }
   */
  credentials?: 'include';
  /**
   * The document the script tags go into: inject one where there is no global `document` (a worker-free test, a
   * DOM emulation in Node) or to load into an iframe's document.
   * @default globalThis.document
   */
  document?: Document;
}

/** The names of crosswise's own options, beside ky's (`credentials`: a policy object is crosswise's, a mode string fetch's too). */
export const CROSSWISE_OPTION_KEYS: readonly (keyof CrosswiseOptions)[] = [
  'origin',
  'engine',
  'cors',
  'allowPreflight',
  'onWarning',
  'credentials',
  'preflightMaxAge',
  'clock',
  'stats',
  'minimize',
  'jsonp',
  'diagnose',
];

const CORS_MODES: ReadonlySet<string> = new Set(['warn', 'strict', 'off']);
const ENGINE_NAMES: ReadonlySet<string> = new Set(ENGINES);

function checkAllowPreflight(value: unknown, where: string): void {
  if (value === undefined || typeof value === 'boolean') return;
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`\`${where}\` must be a boolean or { methods?, headers? }, not ${typeof value}`);
  for (const key of ['methods', 'headers'] as const) {
    const list = (value as Record<string, unknown>)[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))) {
      throw new TypeError(`\`${where}.${key}\` must be an array of strings`);
    }
  }
}

function validateDiagnoseOptions(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null)
    throw new TypeError('`diagnose` must be { browser?, reachability?, probe?, timeout?, hiddenHeaders? }');
  const diagnose = value as Record<string, unknown>;
  for (const key of ['browser', 'reachability', 'hiddenHeaders']) {
    if (diagnose[key] !== undefined && typeof diagnose[key] !== 'boolean') throw new TypeError(`\`diagnose.${key}\` must be a boolean`);
  }
  if (diagnose['probe'] !== undefined && (typeof diagnose['probe'] !== 'string' || diagnose['probe'] === ''))
    throw new TypeError('`diagnose.probe` must be the URL of the dev probe handler');
  const timeout = diagnose['timeout'];
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0))
    throw new RangeError('`diagnose.timeout` must be a positive number of milliseconds');
}

/** Rejects bad crosswise options with a TypeError naming the option; ky checks its own. */
export function validateOptions(options: CrosswiseOptions & Record<string, unknown>): void {
  if (options.cors !== undefined && !CORS_MODES.has(options.cors))
    throw new TypeError(`\`cors\` must be 'warn', 'strict' or 'off', not ${JSON.stringify(options.cors)}`);
  if (options.engine !== undefined && !ENGINE_NAMES.has(options.engine)) {
    throw new TypeError(`\`engine\` must be 'standard', 'chromium', 'firefox' or 'webkit', not ${JSON.stringify(options.engine)}`);
  }
  // 'null' itself is an origin: the opaque one of a sandboxed iframe or a file: page, where every call is cross-origin.
  if (options.origin !== undefined && options.origin !== 'null' && originOf(options.origin) === 'null') {
    throw new TypeError(`\`origin\` must be an origin such as 'https://app.example', not ${JSON.stringify(options.origin)}`);
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') throw new TypeError('`onWarning` must be a function');
  checkAllowPreflight(options.allowPreflight, 'allowPreflight');
  const maxAge = options.preflightMaxAge;
  const ages = typeof maxAge === 'object' && maxAge !== null ? Object.values(maxAge) : maxAge === undefined ? [] : [maxAge];
  if (ages.some((age) => typeof age !== 'number' || !Number.isInteger(age) || age < 0))
    throw new RangeError('`preflightMaxAge` must be a whole number of seconds ≥ 0, or a record of them per origin');
  validateMinimizeOptions(options.minimize);
  const jsonp = options.jsonp as unknown;
  if (jsonp !== undefined && (typeof jsonp !== 'object' || jsonp === null || !Array.isArray((jsonp as JsonpClientOptions).origins))) {
    throw new TypeError('`jsonp` must be { origins: string[], callbackParam?, timeout?, credentials? }');
  }
  const jsonpCredentials = (jsonp as JsonpClientOptions | undefined)?.credentials as unknown;
  if (jsonpCredentials !== undefined && jsonpCredentials !== 'include') {
    throw new TypeError(
      `\`jsonp.credentials\` must be 'include' (a script tag cannot omit cookies), not ${JSON.stringify(jsonpCredentials)}`,
    );
  }
  if (options.clock !== undefined && typeof options.clock !== 'function')
    throw new TypeError('`clock` must be a function returning milliseconds');
  validateDiagnoseOptions(options.diagnose);
  if (typeof options.credentials === 'object') validateCredentialsPolicy(options.credentials);
  else if (options.credentials !== undefined && !['omit', 'same-origin', 'include'].includes(options.credentials)) {
    throw new TypeError(
      `\`credentials\` must be 'omit', 'same-origin', 'include' or a policy object, not ${JSON.stringify(options.credentials)}`,
    );
  }
}
