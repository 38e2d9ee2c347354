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
  readonly engine: Engine;
  readonly label: string;
  /** Request-header names the engine drops on top of the standard's forbidden list. */
  readonly extraForbiddenHeaders: ReadonlySet<string>;
  /** Header names the engine safelists beyond the standard, with the value rule each must meet. */
  readonly extraSafelistedHeaders: ReadonlyMap<string, ExtraHeaderRule>;
  /** Whether `Range`'s `bytes=` unit is matched case-insensitively (the standard: case-sensitive). */
  readonly rangeUnitCaseInsensitive: boolean;
  /** How repeated headers of one name are judged: each list entry (the standard) or the combined `a, b` value. */
  readonly repeatedHeaders: 'each' | 'combined';
  /** What a ReadableStream request body does: set the use-CORS-preflight flag (the standard) or make fetch reject. */
  readonly streamBody: 'preflight' | 'reject';
  /** The `boundary=` value the engine generates for a FormData body; its length counts toward the 128-byte limit. */
  readonly formDataBoundary: string;
  /** The engine's cap on Access-Control-Max-Age, in seconds (null: no cap). */
  readonly maxAgeCap: number | null;
}

const none: ReadonlySet<string> = new Set();

// https://fetch.spec.whatwg.org/ as written.
const standard: EngineProfile = Object.freeze({
  engine: 'standard',
  label: 'WHATWG Fetch standard',
  extraForbiddenHeaders: none,
  extraSafelistedHeaders: new Map(),
  rangeUnitCaseInsensitive: false,
  repeatedHeaders: 'each',
  streamBody: 'preflight',
  formDataBoundary: '----formdata-boundary-0123456789abcdef', // the standard leaves the boundary to the engine
  maxAgeCap: null,
});

// services/network/public/cpp/cors/cors.cc (IsCorsSafelistedHeader): client hints and `Intervention` are safelisted,
// Range is parsed after lower-casing the value; the preflight cache caps max-age at 2 hours (cors/preflight_result.cc).
const chromium: EngineProfile = Object.freeze({
  engine: 'chromium',
  label: 'Chromium',
  extraForbiddenHeaders: none,
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
  rangeUnitCaseInsensitive: true,
  repeatedHeaders: 'each',
  streamBody: 'preflight',
  formDataBoundary: '----WebKitFormBoundary0123456789abcdef', // blink FormDataEncoder: 22 + 16 characters
  maxAgeCap: 7200,
});

// dom/base/nsContentUtils.cpp (IsCORSSafelistedRequestHeader); preflight cache cap 24 hours (nsCORSListenerProxy.cpp).
const firefox: EngineProfile = Object.freeze({
  engine: 'firefox',
  label: 'Firefox',
  extraForbiddenHeaders: none,
  extraSafelistedHeaders: new Map(),
  rangeUnitCaseInsensitive: false,
  repeatedHeaders: 'each',
  streamBody: 'preflight',
  formDataBoundary: '----geckoformboundary0123456789abcdef0123456789abcdef',
  maxAgeCap: 86400,
});

// Source/WebCore/loader/CrossOriginAccessControl.cpp; CrossOriginPreflightResultCache caps max-age at 10 minutes.
const webkit: EngineProfile = Object.freeze({
  engine: 'webkit',
  label: 'WebKit',
  extraForbiddenHeaders: none,
  extraSafelistedHeaders: new Map(),
  rangeUnitCaseInsensitive: false,
  repeatedHeaders: 'each',
  streamBody: 'preflight',
  formDataBoundary: '----WebKitFormBoundary0123456789abcdef',
  maxAgeCap: 600,
});

export const ENGINE_PROFILES: Readonly<Record<Engine, EngineProfile>> = Object.freeze({ standard, chromium, firefox, webkit });
