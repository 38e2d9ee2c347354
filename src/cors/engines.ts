import type { Engine } from './types.js';

/** How an engine judges the value of a header it safelists beyond the standard. */
export type ExtraHeaderRule =
  | 'any' // any value
  | 'decimal' // 1*DIGIT [ "." 1*DIGIT ]
  | 'integer' // 1*DIGIT
  | 'save-data' // exactly `on`, any case
  | 'ect'; // one of the Network Information effective connection types

/** Everything crosswise knows about one engine's CORS behaviour, as data. Each entry names its source. */
export interface EngineProfile {
  /** The engine this profile describes. */
  readonly engine: Engine;
  /** Its name for people, with the version measured (e.g. `Chromium 156`). */
  readonly label: string;
  /** Request-header names the engine drops on top of the standard's forbidden list. */
  readonly extraForbiddenHeaders: ReadonlySet<string>;
  /** Header names the engine safelists beyond the standard, with the value rule each must meet. */
  readonly extraSafelistedHeaders: ReadonlyMap<string, ExtraHeaderRule>;
  /** How the engine parses a simple Range value. */
  readonly range: RangeSyntax;
  /** How repeated headers of one name are judged: each list entry (the standard) or the combined `a, b` value. */
  readonly repeatedHeaders: 'each' | 'combined';
  /** Whether Access-Control-Request-Headers names a header once per unsafe list entry instead of once. */
  readonly repeatsRequestHeaderNames: boolean;
  /** Whether bytes >= 0x80 in Accept and Content-Type count as CORS-unsafe (the standard: they do not). */
  readonly nonAsciiUnsafe: boolean;
  /** The cap on the safelisted header values together, in bytes (null: the engine has none). */
  readonly safelistTotalLimit: number | null;
  /**
   * What a ReadableStream request body does: `preflight` (the standard: the use-CORS-preflight flag), `http2-only`
   * (the preflight goes out, then fetch rejects unless the connection is HTTP/2+), `stringified` (unsupported: the
   * body is sent as the text "[object ReadableStream]"), `reject` (fetch rejects before sending).
   */
  readonly streamBody: 'preflight' | 'http2-only' | 'stringified' | 'reject';
  /** `cache: 'only-if-cached'` on a miss: a network error (the standard) or ignored and sent. */
  readonly onlyIfCached: 'network-error' | 'ignored';
  /** The `boundary=` value the engine generates for a FormData body; its length counts toward the 128-byte limit. */
  readonly formDataBoundary: string;
  /** The engine's cap on Access-Control-Max-Age, in seconds (null: no cap). */
  readonly maxAgeCap: number | null;
}

/** The simple-range parse: the unit's case, a `+` sign on numbers, and the largest number the parser holds. */
export interface RangeSyntax {
  /** True when `Bytes=0-` counts like `bytes=0-` (the standard wants the unit in lower case). */
  readonly unitCaseInsensitive: boolean;
  /** True when a position may carry a leading `+` (`bytes=+0-`). */
  readonly plusSign: boolean;
  /** Positions above this are not a simple range (null: unbounded, as the standard says). */
  readonly maxPosition: bigint | null;
}

const none: ReadonlySet<string> = new Set();

// https://fetch.spec.whatwg.org/ as written.
const standard: EngineProfile = Object.freeze({
  engine: 'standard',
  label: 'WHATWG Fetch standard',
  extraForbiddenHeaders: none,
  extraSafelistedHeaders: new Map(),
  range: { unitCaseInsensitive: false, plusSign: false, maxPosition: null },
  repeatedHeaders: 'each',
  repeatsRequestHeaderNames: false,
  nonAsciiUnsafe: false,
  safelistTotalLimit: 1024,
  streamBody: 'preflight',
  onlyIfCached: 'network-error',
  formDataBoundary: '----formdata-boundary-0123456789abcdef', // the standard leaves the boundary to the engine
  maxAgeCap: null,
});

// services/network/public/cpp/cors/cors.cc (IsCorsSafelistedHeader): client hints and `Intervention` are safelisted;
// the preflight cache caps max-age at 2 hours (cors/preflight_result.cc; scripts/measure-max-age.ts shows only that it
// exceeds 610 s: 2 hours cannot be waited out in a run). Measured in Chromium 156 (docs/engines.md):
// User-Agent is dropped, repeated headers are judged combined, Range positions stop at 2^63 - 2, stream uploads need HTTP/2.
const chromium: EngineProfile = Object.freeze({
  engine: 'chromium',
  label: 'Chromium',
  extraForbiddenHeaders: new Set(['user-agent']),
  extraSafelistedHeaders: new Map<string, ExtraHeaderRule>([
    ['intervention', 'any'],
    ['device-memory', 'decimal'],
    ['dpr', 'decimal'],
    ['downlink', 'decimal'],
    ['width', 'integer'],
    ['viewport-width', 'integer'],
    ['rtt', 'integer'],
    ['ect', 'ect'],
    ['save-data', 'save-data'],
  ]),
  range: { unitCaseInsensitive: false, plusSign: false, maxPosition: 9223372036854775806n },
  repeatedHeaders: 'combined',
  repeatsRequestHeaderNames: false,
  nonAsciiUnsafe: false,
  safelistTotalLimit: 1024,
  streamBody: 'http2-only',
  onlyIfCached: 'network-error',
  formDataBoundary: '----WebKitFormBoundary0123456789abcdef', // blink FormDataEncoder: 22 + 16 characters
  maxAgeCap: 7200,
});

// dom/base/nsContentUtils.cpp (IsCORSSafelistedRequestHeader); preflight cache cap 24 hours (nsCORSListenerProxy.cpp).
// Measured in Firefox 153 ESR: non-ASCII bytes are unsafe in Accept/Content-Type, no 1024-byte total, each unsafe entry
// is named (x-a,x-a), stream bodies are stringified, and a finished keepalive call's bytes return to the budget late.
// Not modelled: a cached preflight is dropped when its host's DNS record is newer than the entry (CheckDNSCache in
// nsCORSListenerProxy.cpp). Measured in Firefox 153.8 ESR (test/client/preflight-cache-session.ts): with an IP-literal
// host a fresh browser sent up to 2 more OPTIONS than the model; with a host name, exactly the model's count.
const firefox: EngineProfile = Object.freeze({
  engine: 'firefox',
  label: 'Firefox',
  extraForbiddenHeaders: none,
  extraSafelistedHeaders: new Map(),
  range: { unitCaseInsensitive: false, plusSign: false, maxPosition: 18446744073709551615n },
  repeatedHeaders: 'each',
  repeatsRequestHeaderNames: true,
  nonAsciiUnsafe: true,
  safelistTotalLimit: null,
  streamBody: 'stringified',
  onlyIfCached: 'network-error',
  formDataBoundary: '----geckoformboundary0123456789abcdef0123456789abcdef',
  maxAgeCap: 86400,
});

// Source/WebCore/loader/CrossOriginAccessControl.cpp; CrossOriginPreflightResultCache caps max-age at 10 minutes.
// Measured in WebKitGTK 2.50.6 (scripts/measure-max-age.ts --long): a Max-Age 3600 preflight still cached at 590 s, expired at 610 s.
// Measured in WebKitGTK 2.50: Range unit any case with `+` signs, repeated headers judged combined, no stream uploads,
// only-if-cached ignored.
const webkit: EngineProfile = Object.freeze({
  engine: 'webkit',
  label: 'WebKit',
  extraForbiddenHeaders: none,
  extraSafelistedHeaders: new Map(),
  range: { unitCaseInsensitive: true, plusSign: true, maxPosition: 18446744073709551615n },
  repeatedHeaders: 'combined',
  repeatsRequestHeaderNames: false,
  nonAsciiUnsafe: false,
  safelistTotalLimit: 1024,
  streamBody: 'reject',
  onlyIfCached: 'ignored',
  formDataBoundary: '----WebKitFormBoundary0123456789abcdef',
  maxAgeCap: 600,
});

/** Each engine's profile, by engine: the data behind every engine-specific prediction. */
export const ENGINE_PROFILES: Readonly<Record<Engine, EngineProfile>> = Object.freeze({ standard, chromium, firefox, webkit });
