import { DEFAULT_PREFLIGHT_MAX_AGE, preflightCacheSeconds } from './preflight-cache.js';
import { exposedHeaders } from './expose-headers.js';
import { checkCorsResponse, checkPreflightResponse, type CorsCheckFailure } from './response-check.js';
import { readHeader, type ResponseHeaders } from './response-headers.js';
import type { CorsPrediction, Engine } from './types.js';

// Judges a whole observed exchange (the OPTIONS answer, then the actual answer) the way one engine would. Kept out
// of the `crosswise/cors` entry's table of contents so the entry's size budget pays only for prediction; the CLI's
// `probe` and the client import it from here.

/** A server's answer as seen on the wire: status and header lines. */
export interface ObservedResponse {
  status: number;
  headers: ResponseHeaders;
}

/** Where an engine stops the call: before sending, at the preflight, or on the actual response. */
export type BlockedAt = 'request' | 'preflight' | 'response';

/** One engine's judgement of an exchange. */
export interface ExchangeVerdict {
  engine: Engine;
  /** True when the page gets to read the response. */
  allowed: boolean;
  /** Where the engine stops the call, or null when it is allowed. */
  blockedAt: BlockedAt | null;
  /** What the server's answers got wrong, with the header at fault and what it should be. */
  failures: CorsCheckFailure[];
  /** How long this engine keeps the preflight result (seconds), or null when there was no passing preflight. */
  preflightCacheSeconds: number | null;
  /** Facts worth knowing that do not block the call (an invalid or capped max-age, a redirect, an opaque response). */
  notes: string[];
  /** The names of the CORS response's headers the page may read (lower-case, sorted); empty when the page cannot read a CORS response. */
  exposed: string[];
}

/** The preflight's header lines as https://fetch.spec.whatwg.org/#cors-preflight-fetch builds them: no credentials, no body, only these. */
export function preflightHeaders(prediction: CorsPrediction): [string, string][] {
  const headers: [string, string][] = [
    ['Accept', '*/*'],
    ['Origin', prediction.origin ?? 'null'],
    ['Access-Control-Request-Method', prediction.method],
  ];
  if (prediction.unsafeHeaders.length > 0) headers.push(['Access-Control-Request-Headers', prediction.unsafeHeaders.join(',')]);
  return headers;
}

/** The call's own header lines: what the page set and the browser kept, plus Origin (https://fetch.spec.whatwg.org/#append-a-request-origin-header: every CORS request, and a no-cors one unless GET or HEAD). */
export function requestHeaders(prediction: CorsPrediction): [string, string][] {
  const sendsOrigin = prediction.kind !== 'no-cors' || !['GET', 'HEAD'].includes(prediction.method);
  return sendsOrigin ? [...prediction.headers, ['origin', prediction.origin ?? 'null']] : [...prediction.headers];
}

const SAFE_MAX_AGE = /^\s*\d+\s*$/;

function maxAgeNotes(maxAge: string | null, engine: Engine, seconds: number): string[] {
  if (maxAge === null) return [`no Access-Control-Max-Age: the result is cached for the default ${DEFAULT_PREFLIGHT_MAX_AGE} s`];
  if (!SAFE_MAX_AGE.test(maxAge))
    return [`Access-Control-Max-Age "${maxAge}" is not a number of seconds: the default ${DEFAULT_PREFLIGHT_MAX_AGE} s applies`];
  if (seconds < Number(maxAge)) return [`Access-Control-Max-Age ${maxAge.trim()} is capped to ${seconds} s by ${engine}`];
  return [];
}

function redirectNote(response: ObservedResponse): string[] {
  if (response.status < 300 || response.status > 399) return [];
  const location = readHeader(response.headers, 'location');
  return [
    `the server redirected (${response.status}${location === null ? '' : ` to ${location}`}): the browser follows and checks CORS again there`,
  ];
}

/** The preflight half of {@link judgeExchange}: does the OPTIONS answer let this engine send the call, and for how long is that cached? */
export function judgePreflight(
  prediction: CorsPrediction,
  preflight: ObservedResponse,
): Pick<ExchangeVerdict, 'failures' | 'preflightCacheSeconds' | 'notes'> {
  const { status, headers } = preflight;
  const context = {
    origin: prediction.origin ?? 'null',
    credentials: prediction.credentials,
    method: prediction.method,
    unsafeHeaders: prediction.unsafeHeaders,
  };
  const failures = checkPreflightResponse(status, headers, context, { engine: prediction.engine });
  if (failures.length > 0) return { failures, preflightCacheSeconds: null, notes: [] };
  const maxAge = readHeader(headers, 'access-control-max-age');
  const seconds = preflightCacheSeconds(maxAge, prediction.engine);
  return { failures, preflightCacheSeconds: seconds, notes: maxAgeNotes(maxAge, prediction.engine, seconds) };
}

/**
 * Judges an observed exchange for the engine of `prediction`: the preflight answer (when one was predicted) with
 * the preflight check, then the actual answer with the CORS check (https://fetch.spec.whatwg.org/#cors-check).
 * `observed.response` may be absent when the preflight fails (a browser never sends the call then).
 * @throws {TypeError} when a response the verdict depends on was not observed.
 */
export function judgeExchange(
  prediction: CorsPrediction,
  observed: { preflight?: ObservedResponse; response?: ObservedResponse },
): ExchangeVerdict {
  const verdict: ExchangeVerdict = {
    engine: prediction.engine,
    allowed: true,
    blockedAt: null,
    failures: [],
    preflightCacheSeconds: null,
    notes: [],
    exposed: [],
  };
  if (prediction.kind === 'rejected') return { ...verdict, allowed: false, blockedAt: 'request' };
  if (prediction.kind === 'same-origin') return verdict;
  if (prediction.preflight) {
    if (observed.preflight === undefined)
      throw new TypeError('judgeExchange: the prediction has a preflight but `observed.preflight` is missing');
    Object.assign(verdict, judgePreflight(prediction, observed.preflight));
    if (verdict.failures.length > 0) return { ...verdict, allowed: false, blockedAt: 'preflight' };
  }
  if (observed.response === undefined) throw new TypeError('judgeExchange: `observed.response` is missing');
  verdict.notes.push(...redirectNote(observed.response));
  if (prediction.kind === 'no-cors') {
    verdict.notes.push("mode 'no-cors': the response is opaque, the page cannot read its status, headers or body");
    return verdict;
  }
  const context = { origin: prediction.origin ?? 'null', credentials: prediction.credentials };
  verdict.failures = checkCorsResponse(observed.response.headers, context, { engine: prediction.engine });
  if (verdict.failures.length > 0) return { ...verdict, allowed: false, blockedAt: 'response' };
  return { ...verdict, exposed: exposedHeaders(observed.response.headers, context, { engine: prediction.engine }) };
}
