import { ENGINE_PROFILES } from './engines.js';
import type { Engine } from './types.js';

/** https://fetch.spec.whatwg.org/#http-access-control-max-age — without the header, 5 seconds. */
export const DEFAULT_PREFLIGHT_MAX_AGE = 5;

/**
 * How long (seconds) an engine keeps a preflight result, given the response's Access-Control-Max-Age value:
 * the default when absent or unparsable, capped by the engine.
 * @param maxAge The Access-Control-Max-Age value as received, or null/undefined when absent.
 * @param engine Whose cap applies (Chromium keeps at most 7200 s, Firefox 86400 s, WebKit 600 s).
 * @example preflightCacheSeconds('86400', 'chromium') // 7200
 */
export function preflightCacheSeconds(maxAge: string | null | undefined, engine: Engine): number {
  const parsed =
    maxAge === null || maxAge === undefined || !/^\d+$/.test(maxAge.trim()) ? DEFAULT_PREFLIGHT_MAX_AGE : Number(maxAge.trim());
  const cap = ENGINE_PROFILES[engine].maxAgeCap;
  return cap === null ? parsed : Math.min(parsed, cap);
}
