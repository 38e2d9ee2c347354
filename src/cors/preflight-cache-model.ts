import { SAFELISTED_METHODS } from './methods.js';
import { preflightCacheSeconds } from './preflight-cache.js';
import type { CorsPrediction, Engine } from './types.js';

/**
 * How many cache entries the model keeps at most. A preflighted URL costs one entry for its method and one per
 * unsafe header name. Chromium keeps at most 1,024 URLs (`kMaxCacheEntries` in services/network/cors/preflight_cache.cc).
 */
export const PREFLIGHT_CACHE_MODEL_CAPACITY = 4096;

/** The fewest writes between two sweeps for expired entries: below it a sweep costs more than the memory it frees. */
const MIN_SWEEP = 256;

/** Options of a {@link PreflightCacheModel}. */
export interface PreflightCacheModelOptions {
  /**
   * The most entries kept; past it the oldest written go first.
   * @default PREFLIGHT_CACHE_MODEL_CAPACITY (4096)
   */
  capacity?: number | undefined;
}

/**
 * A model of the browser's CORS-preflight cache (https://fetch.spec.whatwg.org/#concept-cache): entries keyed by
 * (origin, URL, credentials, method or header name), each living Access-Control-Max-Age seconds (5 by default,
 * capped per engine). `admit` says whether a predicted preflight will really cost an OPTIONS round trip.
 * Bounded: an entry past its max-age is dropped, and past `capacity` entries the oldest written are dropped.
 */
export class PreflightCacheModel {
  readonly #expiries = new Map<string, number>();
  readonly #capacity: number;
  #writesSinceSweep = 0;
  #evicted = 0;

  /**
   * An empty cache for one engine.
   * @param engine Whose max-age cap applies.
   * @param options How many entries to keep at most.
   * @example
   * const cache = new PreflightCacheModel('chromium');
   * cache.admit(prediction, Date.now(), '600'); // true: the first call sends an OPTIONS
   * cache.admit(prediction, Date.now(), '600'); // false: the browser's cache answers
   */
  constructor(
    private readonly engine: Engine,
    options: PreflightCacheModelOptions = {},
  ) {
    const capacity = options.capacity ?? PREFLIGHT_CACHE_MODEL_CAPACITY;
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`\`capacity\` must be a whole number ≥ 1, not ${String(capacity)}`);
    this.#capacity = capacity;
  }

  /** Entries held now (expired ones not yet swept included). */
  get size(): number {
    return this.#expiries.size;
  }

  /** Entries dropped by the capacity while still fresh: the browser may still hold them, so the count after that can be high. */
  get evicted(): number {
    return this.#evicted;
  }

  /**
   * Records a preflighted call at `nowMs` and returns true when the browser sends an OPTIONS for it.
   * @param prediction The call's prediction (a call that is not preflighted is never an OPTIONS).
   * @param nowMs The time of the call, in milliseconds (`Date.now()`).
   * @param maxAge The Access-Control-Max-Age the preflight's answer carried, or null/undefined when absent.
   */
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
    if (lifetime > 0) for (const key of [methodKey, ...headerKeys]) this.#write(key, nowMs + lifetime, nowMs);
    return true;
  }

  #write(key: string, expiry: number, nowMs: number): void {
    // Deleting first moves a rewritten key to the end, so the Map's order is the order of writing.
    this.#expiries.delete(key);
    // A sweep costs one pass over the map, so it waits until half the entries were written since the last: O(1) per write.
    if (++this.#writesSinceSweep >= Math.max(MIN_SWEEP, this.#expiries.size / 2)) this.#sweep(nowMs);
    for (const [oldest, oldestExpiry] of this.#expiries) {
      if (this.#expiries.size < this.#capacity) break;
      this.#expiries.delete(oldest);
      if (oldestExpiry > nowMs) this.#evicted++;
    }
    this.#expiries.set(key, expiry);
  }

  #sweep(nowMs: number): void {
    for (const [key, expiry] of this.#expiries) if (expiry <= nowMs) this.#expiries.delete(key);
    this.#writesSinceSweep = 0;
  }
}
