import type { Options as KyOptions } from 'ky';
import { ENGINES, type CorsPrediction, type Engine, type Reason } from '../cors/index.js';
import { docsUrl } from '../cors/docs-url.js';
import { originOf } from '../cors/origin.js';
import { badOption, pluginRequired } from './words.js';
import {
  isPlugin,
  PLUGIN_FACTORIES,
  type CredentialsPlugin,
  type DiagnosisPlugin,
  type JsonpPlugin,
  type MinimizePlugin,
  type PluginSlot,
  type StatsPlugin,
} from './plugins.js';

// The option checks' words, for createFetch's own checks too (the production build swaps ./words.js only).
export { badOption };

/** What to do with a call the browser would preflight or refuse. */
export type CorsMode = 'warn' | 'strict' | 'off';

/** Preflights a call or client accepts in strict mode: all of them, or those caused only by these methods and headers. */
export type AllowPreflight =
  | boolean
  | {
      /** Methods whose preflight is accepted (e.g. `['PUT', 'DELETE']`); case-insensitive. */
      methods?: readonly string[];
      /** Request-header names whose preflight is accepted (e.g. `['authorization']`); case-insensitive. */
      headers?: readonly string[];
    };

/** One warning about a call the browser will preflight or refuse; emitted once per distinct cause. */
export interface CorsWarning {
  /** A one-line summary: what, where, and the first fix. */
  message: string;
  /** The causes (reasons with severity `preflight` or `reject`). */
  reasons: readonly Reason[];
  /** The prediction for the call warned about (method, URL, kind, unsafe headers …). */
  prediction: CorsPrediction;
}

/** crosswise's own options, beside every ky option. */
export interface CrosswiseOptions {
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
   * @example 'webkit' // judge every call as Safari would
   */
  engine?: Engine;
  /**
   * `warn`: call `onWarning` once per distinct cause of a preflight or refusal; `strict`: throw a `CorsPolicyError`
   * before anything is sent, unless `allowPreflight` covers the cause; `off`: predict only.
   * @default 'warn'
   * @example 'strict'
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
   * @example (warning) => reportToTelemetry(warning.message, warning.reasons)
   */
  onWarning?: (warning: CorsWarning) => void;
  /**
   * A credentials mode for every call (as in fetch), or a per-origin policy made by `credentialsPolicy()`: credentials
   * go to its `include` origins only; asking for `include` anywhere else throws a `CredentialsPolicyError` before
   * sending. A plain policy object (crosswise 0.1) is refused with a TypeError naming `credentialsPolicy`.
   * @default fetch's 'same-origin'
   * @example credentialsPolicy({ include: ['https://api.example.com'], otherwise: 'omit' })
   */
  credentials?: RequestCredentials | CredentialsPlugin;
  /**
   * The JSONP transport and fallback, made by `jsonpTransport()`: the origins allowed to answer GET calls by JSONP
   * (`transport: 'jsonp'` or `fallback: 'jsonp'`), and its options. Without it, those per-call options throw.
   * @default undefined (no JSONP)
   * @example jsonpTransport({ origins: ['https://legacy.example.com'], callbackParam: 'cb' })
   */
  jsonp?: JsonpPlugin;
  /**
   * Opt-in rewrites that keep cross-origin calls simple, made by `minimizePreflights()`, each only where you declare
   * the server accepts it. Every rewrite applied is reported through `onWarning` (once) and `getRewrites(response)`.
   * @default undefined (no rewrite)
   * @example minimizePreflights({ jsonAsText: true, headersToQuery: { 'x-api-key': 'api_key' }, methodOverride: '_method' })
   */
  minimize?: MinimizePlugin;
  /**
   * The evidence-ranked diagnosis of a failed cross-origin call, made by `diagnosis()`: the `CorsError`'s causes,
   * from the call's prediction and the calls this client saw succeed at the same origin, and on request a
   * reachability check or the dev probe. Without it, a browser's network failure is a `CorsError` with no causes;
   * outside a browser the platform's error stays as it is either way.
   * @default undefined (a CorsError without causes in a browser)
   * @example diagnosis({ probe: '/__crosswise/probe' }) // with the dev probe of `crosswise/dev` or `crosswise/vite`
   */
  diagnose?: DiagnosisPlugin;
  /**
   * The per-endpoint record of the calls, made by `sessionStats()`: the client (or fetch) then has `stats()`, whose
   * JSON is the session file `crosswise server-config` reads. The preflight-cache replay's `preflightMaxAge` and
   * `clock`, and the `responseHeaders` watch, are its options. Without it no call is recorded (and none pays for it).
   * @default undefined (no record, no `stats()`)
   * @example sessionStats({ responseHeaders: true, preflightMaxAge: 600 })
   */
  stats?: StatsPlugin;
}

/** Options of `createClient`: every ky option, plus crosswise's own. */
export type ClientOptions = Omit<KyOptions, keyof CrosswiseOptions> & CrosswiseOptions;

/** Per-call options: every ky option, plus the per-call crosswise ones. */
export type CallOptions = Omit<KyOptions, 'cors' | 'allowPreflight' | 'transport' | 'fallback'> &
  Pick<CrosswiseOptions, 'cors' | 'allowPreflight'>;

/** GET calls may also travel by JSONP (a script tag cannot send anything else). */
export type GetOptions = CallOptions & {
  /**
   * `'jsonp'`: always load through a script tag. Needs the client's `jsonp: jsonpTransport({ origins })`, with this
   * call's origin in `origins`.
   * @default 'fetch'
   * @example api.get('https://legacy.example.com/feed', { transport: 'jsonp' })
   */
  transport?: 'fetch' | 'jsonp';
  /**
   * `'jsonp'`: use fetch; on a cross-origin network failure, retry once through JSONP (needs `jsonpTransport()`, its
   * origins only).
   * @default undefined (no fallback)
   * @example api.get('https://legacy.example.com/feed', { fallback: 'jsonp' })
   */
  fallback?: 'jsonp';
};

/** The names of crosswise's own options, beside ky's (`credentials`: a policy object is crosswise's, a mode string fetch's too). */
export const CROSSWISE_OPTION_KEYS: readonly (keyof CrosswiseOptions)[] = [
  'origin',
  'engine',
  'cors',
  'allowPreflight',
  'onWarning',
  'credentials',
  'stats',
  'minimize',
  'jsonp',
  'diagnose',
];

/** Options that only the stats read, moved into `sessionStats()`: named when given here (createFetch knows them too). */
export const MOVED_TO_STATS: readonly string[] = ['preflightMaxAge', 'clock'];

/**
 * A plugin option given anything but its plugin is refused, never ignored: the plain objects of crosswise 0.1
 * (`credentials: { include }`, `jsonp: { origins }` …) would otherwise drop a policy silently, and a credentials
 * policy dropped is a cookie sent where the app said it must not go.
 */
function checkPlugin(value: unknown, slot: PluginSlot): void {
  if (value === undefined || isPlugin(value, slot)) return;
  const factory = PLUGIN_FACTORIES[slot];
  const given = typeof value === 'object' && value !== null ? 'a plain object' : JSON.stringify(value);
  throw new TypeError(pluginRequired(slot, factory, given, `${docsUrl('client.md')}#plugins`));
}

const CORS_MODES: ReadonlySet<string> = new Set(['warn', 'strict', 'off']);
const ENGINE_NAMES: ReadonlySet<string> = new Set(ENGINES);

function checkAllowPreflight(value: unknown, where: string): void {
  if (value === undefined || typeof value === 'boolean') return;
  if (typeof value !== 'object' || value === null)
    throw new TypeError(badOption(where, `must be a boolean or { methods?, headers? }, not ${typeof value}`));
  for (const key of ['methods', 'headers'] as const) {
    const list = (value as Record<string, unknown>)[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))) {
      throw new TypeError(badOption(`${where}.${key}`, 'must be an array of strings'));
    }
  }
}

/** Rejects bad crosswise options with a TypeError naming the option; ky checks its own. */
export function validateOptions(options: CrosswiseOptions & Record<string, unknown>): void {
  if (options.cors !== undefined && !CORS_MODES.has(options.cors))
    throw new TypeError(badOption('cors', `must be 'warn', 'strict' or 'off', not ${JSON.stringify(options.cors)}`));
  if (options.engine !== undefined && !ENGINE_NAMES.has(options.engine)) {
    throw new TypeError(
      badOption('engine', `must be 'standard', 'chromium', 'firefox' or 'webkit', not ${JSON.stringify(options.engine)}`),
    );
  }
  // 'null' itself is an origin: the opaque one of a sandboxed iframe or a file: page, where every call is cross-origin.
  if (options.origin !== undefined && options.origin !== 'null' && originOf(options.origin) === 'null') {
    throw new TypeError(badOption('origin', `must be an origin such as 'https://app.example', not ${JSON.stringify(options.origin)}`));
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function')
    throw new TypeError(badOption('onWarning', 'must be a function'));
  checkAllowPreflight(options.allowPreflight, 'allowPreflight');
  for (const slot of ['jsonp', 'minimize', 'diagnose', 'stats'] as const) checkPlugin(options[slot], slot);
  // Options of the stats plugin now: refused by name rather than left to ky, which would ignore them.
  for (const moved of MOVED_TO_STATS) {
    if (options[moved] !== undefined)
      throw new TypeError(badOption(moved, `is an option of the stats plugin now: stats: sessionStats({ ${moved} })`));
  }
  if (typeof options.credentials === 'object') checkPlugin(options.credentials, 'credentials');
  else if (options.credentials !== undefined && !['omit', 'same-origin', 'include'].includes(options.credentials)) {
    throw new TypeError(
      badOption(
        'credentials',
        `must be 'omit', 'same-origin', 'include' or credentialsPolicy({ … }), not ${JSON.stringify(options.credentials)}`,
      ),
    );
  }
}
