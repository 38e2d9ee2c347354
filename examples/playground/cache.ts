import { DEFAULT_PREFLIGHT_MAX_AGE, ENGINE_PROFILES, ENGINES, preflightCacheSeconds, type Engine } from 'crosswise/cors';

// How long each engine keeps a successful preflight, from the server's Access-Control-Max-Age: the library's own
// model (5 s when absent or not a number, capped at 7,200 s by Chromium, 86,400 s by Firefox, 600 s by WebKit).

export interface CacheRow {
  engine: Engine;
  label: string;
  seconds: number;
  /** Why the number is not simply the max-age the server sent, if it is not. */
  note: string | null;
}

export function cacheRows(maxAge: string): CacheRow[] {
  const value = maxAge.trim();
  return ENGINES.map((engine) => {
    const seconds = preflightCacheSeconds(value === '' ? null : value, engine);
    const note =
      value === ''
        ? `no max-age: the default ${DEFAULT_PREFLIGHT_MAX_AGE} s`
        : !/^\d+$/.test(value)
          ? `“${value}” is not a number of seconds: the default ${DEFAULT_PREFLIGHT_MAX_AGE} s`
          : seconds < Number(value)
            ? `capped at ${seconds} s`
            : null;
    return { engine, label: ENGINE_PROFILES[engine].label, seconds, note };
  });
}
