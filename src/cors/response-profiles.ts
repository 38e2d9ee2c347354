import type { Engine } from './types.js';

/**
 * How one engine judges a server's CORS answers where it departs from the Fetch standard, as data. Each entry
 * names the measurement it comes from: test/conformance/response-cases.ts, run by `npm run docs:engines`.
 */
export interface ResponseProfile {
  /** The engine this profile describes. */
  readonly engine: Engine;
  /**
   * Whether `Access-Control-Allow-Headers: *` (on a call without credentials) also lets `Authorization` through.
   * The standard: no, Authorization is a "CORS non-wildcard request-header name" that must be listed by name.
   */
  readonly wildcardCoversAuthorization: boolean;
}

// Every other response-side rule measured (151 cases: the CORS check, preflight status and redirects, list parsing,
// case of methods and header names, credentials, Access-Control-Expose-Headers) behaves as the standard says in all three.

// https://fetch.spec.whatwg.org/#cors-preflight-fetch as written.
const standard: ResponseProfile = Object.freeze({ engine: 'standard', wildcardCoversAuthorization: false });

// Measured in Chromium 156.0.8078.114 (authorization-01, -06, -07, -09, -10): `*` lets Authorization through.
const chromium: ResponseProfile = Object.freeze({ engine: 'chromium', wildcardCoversAuthorization: true });

// Measured in Firefox 153.8.0 ESR (authorization-01, -06, -07, -09, -10): `*` lets Authorization through.
const firefox: ResponseProfile = Object.freeze({ engine: 'firefox', wildcardCoversAuthorization: true });

// Measured in WebKitGTK 2.50.6 (authorization-01, -06, -07, -09, -10): `*` lets Authorization through.
const webkit: ResponseProfile = Object.freeze({ engine: 'webkit', wildcardCoversAuthorization: true });

/** Each engine's response-side profile, by engine. */
export const RESPONSE_PROFILES: Readonly<Record<Engine, ResponseProfile>> = Object.freeze({ standard, chromium, firefox, webkit });
