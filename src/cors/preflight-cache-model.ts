import { SAFELISTED_METHODS } from './methods.js';
import { preflightCacheSeconds } from './preflight-cache.js';
import type { CorsPrediction, Engine } from './types.js';

/**
 * A model of the browser's CORS-preflight cache (https://fetch.spec.whatwg.org/#concept-cache): entries keyed by
 * (origin, URL, credentials, method or header name), each living Access-Control-Max-Age seconds (5 by default,
 * capped per engine). `admit` says whether a predicted preflight will really cost an OPTIONS round trip.
 */
export class PreflightCacheModel {
  readonly #expiries = new Map<string, number>();

  constructor(private readonly engine: Engine) {}

  /** Records a preflighted call at `nowMs` and returns true when the browser sends an OPTIONS for it. */
  admit(prediction: CorsPrediction, nowMs: number, maxAge: string | null | undefined): boolean {
    if (!prediction.preflight || prediction.url === null) return false;
    const base = `${prediction.origin ?? 'null'} ${prediction.url} ${prediction.credentials === 'include' ? 'include' : 'omit'}`;
    const methodKey = `${base} method ${prediction.method}`;
    const headerKeys = prediction.unsafeHeaders.map((header) => `${base} header ${header}`);
    // HTTP fetch: the method needs a cache entry when it is not safelisted or the use-CORS-preflight flag (a
    // stream body) is set; every unsafe header name needs one.
    const flagged = prediction.reasons.some((reason) => reason.code === 'stream_body');
    const needsMethod = !SAFELISTED_METHODS.has(prediction.method) || flagged;
    const needed = needsMethod ? [methodKey, ...headerKeys] : headerKeys;
    const cached = needed.every((key) => (this.#expiries.get(key) ?? -Infinity) > nowMs);
    if (cached) return false;
    const lifetime = preflightCacheSeconds(maxAge, this.engine) * 1000;
    if (lifetime > 0) for (const key of [methodKey, ...headerKeys]) this.#expiries.set(key, nowMs + lifetime);
    return true;
  }
}
