import { FORBIDDEN_RESPONSE_HEADERS, SAFELISTED_RESPONSE_HEADERS } from '../cors/expose-headers.js';
import { ENGINES, type Engine } from '../cors/index.js';
import { isToken, SAFELISTED_METHODS } from '../cors/methods.js';
import { DEFAULT_PREFLIGHT_MAX_AGE, preflightCacheSeconds } from '../cors/preflight-cache.js';

// The other half of a CORS problem: from the calls an app makes, the CORS answer its server must give — every
// method, request header, credential and exposed header the calls need, and nothing more. Pure: plain data in and out.

/** One kind of call the app makes, as `crosswise server-config` reads it from a session. */
export interface SessionCall {
  /** The method after normalization, e.g. `PUT`. */
  method: string;
  /** The URL called (only its origin matters to CORS). */
  url: string;
  /** The page origin the call is sent from: the `Origin` header. */
  pageOrigin: string;
  /** The names the browser lists in Access-Control-Request-Headers (lower-case). */
  requestHeaders: readonly string[];
  /** True when the call carries cookies or HTTP auth to the other origin (`credentials: 'include'`). */
  credentials: boolean;
  /** Response headers the app reads beyond the safelisted ones (they need Access-Control-Expose-Headers). */
  exposeHeaders?: readonly string[] | undefined;
  /** Milliseconds from the first preflighted call of this kind to the last; 0 or absent for one. */
  preflightSpanMs?: number | undefined;
}

/** What one API origin must answer one page origin. */
export interface OriginServerConfig {
  /** The API's origin, e.g. `https://api.example.com`. */
  server: string;
  /** The page origin to allow: echoed in Access-Control-Allow-Origin. */
  origin: string;
  /** Every method the calls use, sorted; only those outside GET, HEAD and POST need the preflight's Allow-Methods. */
  methods: string[];
  /** Every request header the preflights ask for, lower-case and sorted: Access-Control-Allow-Headers. */
  allowHeaders: string[];
  /** True when some call carries credentials: Access-Control-Allow-Credentials: true, and never `*` for the origin. */
  credentials: boolean;
  /** The response headers the app reads, less the safelisted ones and Set-Cookie: Access-Control-Expose-Headers. */
  exposeHeaders: string[];
  /** The Access-Control-Max-Age that keeps every repeated preflight of the session cached, or null when the 5 s default does. */
  maxAge: number | null;
  /** How long each engine really keeps the preflight with that max-age (seconds, after its cap). */
  cachedSeconds: Record<Engine, number>;
  /** Engines whose cap is below `maxAge`: they will still repeat some of the session's preflights. */
  cappedBy: Engine[];
}

/** A session the derivation cannot use: it names the problem. */
export class SessionInputError extends Error {
  override readonly name = 'SessionInputError';
}

const originOf = (url: string, what: string): string => {
  // stats() records 'null' for a sandboxed iframe or a file: page: allowing it would allow every such page, anyone's.
  if (url === 'null')
    throw new SessionInputError(
      `${what} is 'null' (a sandboxed iframe or a file: page): a server that allows Origin: null allows every such page, so no config is derived for it`,
    );
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new SessionInputError(`${what} must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (origin === 'null') throw new SessionInputError(`${what} must be an http(s) URL, got ${JSON.stringify(url)}`);
  return origin;
};

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** A safelisted response header is readable without being exposed, and Set-Cookie is never readable, exposed or not. */
const needsExposing = (name: string): boolean => !SAFELISTED_RESPONSE_HEADERS.has(name) && !FORBIDDEN_RESPONSE_HEADERS.has(name);

/** The smallest max-age (seconds) under which a preflight cached at 0 is still fresh `spanMs` later. */
export function maxAgeCovering(spanMs: number): number | null {
  const seconds = Math.floor(spanMs / 1000) + 1;
  // An entry lives while its expiry is after now: without the header, 5 s already cover a shorter span.
  return spanMs <= 0 || seconds <= DEFAULT_PREFLIGHT_MAX_AGE ? null : seconds;
}

/**
 * A method and header names go into configuration files verbatim (an nginx `add_header` line, a JS string): each must
 * be an HTTP token, as the browser requires, so a session file cannot smuggle a line break or a quote into them.
 */
function checkTokens(call: SessionCall): void {
  if (!isToken(call.method))
    throw new SessionInputError(`the method ${JSON.stringify(call.method)} of ${call.url} is not an HTTP method name`);
  for (const name of [...call.requestHeaders, ...(call.exposeHeaders ?? [])])
    if (!isToken(name)) throw new SessionInputError(`${JSON.stringify(name)} (in ${call.method} ${call.url}) is not an HTTP header name`);
}

/** The per-origin CORS answers the calls need: one per (API origin, page origin), same-origin calls left out. */
export function deriveServerConfig(calls: readonly SessionCall[]): OriginServerConfig[] {
  const groups = new Map<string, { server: string; origin: string; calls: SessionCall[] }>();
  for (const call of calls) {
    checkTokens(call);
    const server = originOf(call.url, `the URL of ${call.method} ${call.url}`);
    const origin = originOf(call.pageOrigin, `the page origin of ${call.method} ${call.url}`);
    // A same-origin call needs no CORS answer at all.
    if (server === origin) continue;
    const key = `${server} ${origin}`;
    const group = groups.get(key) ?? { server, origin, calls: [] };
    group.calls.push(call);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ server, origin, calls: group }) => {
    const span = Math.max(0, ...group.map((call) => call.preflightSpanMs ?? 0));
    const maxAge = maxAgeCovering(span);
    const cachedSeconds = Object.fromEntries(
      ENGINES.map((engine) => [engine, preflightCacheSeconds(maxAge === null ? null : String(maxAge), engine)]),
    ) as Record<Engine, number>;
    return {
      server,
      origin,
      methods: sorted(group.map((call) => call.method)),
      allowHeaders: sorted(group.flatMap((call) => call.requestHeaders.map((name) => name.toLowerCase()))),
      credentials: group.some((call) => call.credentials),
      exposeHeaders: sorted(group.flatMap((call) => (call.exposeHeaders ?? []).map((name) => name.toLowerCase()))).filter(needsExposing),
      maxAge,
      cachedSeconds,
      cappedBy: maxAge === null ? [] : ENGINES.filter((engine) => cachedSeconds[engine] < maxAge),
    };
  });
}

/** The methods a preflight answer must list: those outside the CORS-safelisted GET, HEAD and POST. */
export const preflightMethods = (config: Pick<OriginServerConfig, 'methods'>): string[] =>
  config.methods.filter((method) => !SAFELISTED_METHODS.has(method));
