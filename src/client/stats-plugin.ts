import type { CorsPrediction, Engine } from '../cors/index.js';
import { watchHeaderReads } from './header-reads.js';
import { PLUGIN, type StatsPlugin, type StatsPluginCode } from './plugins.js';
import { createStats, type StatsOptions } from './stats.js';
import { badOption } from './words.js';

// The per-endpoint record of a client's calls as a plugin: the record, its preflight-cache replay and the response
// header watch are imported by this module only, so an app that never calls sessionStats() ships none of them, and
// its calls pay nothing for them (the core then has no record to call).

function validate(value: StatsOptions): void {
  const { responseHeaders, preflightMaxAge, clock } = value as Record<string, unknown>;
  if (responseHeaders !== undefined && typeof responseHeaders !== 'boolean')
    throw new TypeError(badOption('stats.responseHeaders', 'must be a boolean'));
  const ages =
    typeof preflightMaxAge === 'object' && preflightMaxAge !== null
      ? Object.values(preflightMaxAge)
      : preflightMaxAge === undefined
        ? []
        : [preflightMaxAge];
  if (ages.some((age) => typeof age !== 'number' || !Number.isInteger(age) || age < 0))
    throw new RangeError(badOption('stats.preflightMaxAge', 'must be a whole number of seconds ≥ 0, or a record of them per origin'));
  if (clock !== undefined && typeof clock !== 'function')
    throw new TypeError(badOption('stats.clock', 'must be a function returning milliseconds'));
}

/**
 * The clock as the replay reads it: a reading that is not a finite number, or that would go back in time, or a clock
 * that throws, gives the last good reading instead. The record is an observer: a broken clock must not fail the app's
 * call (it is read while the call is sent), nor leave NaN in `stats()`, which JSON would turn into null.
 */
function steady(clock: () => number): () => number {
  let last: number | undefined;
  return () => {
    try {
      const reading = clock();
      if (typeof reading === 'number' && Number.isFinite(reading) && !(reading < (last ?? reading))) last = reading;
    } catch {
      // the last good reading stands
    }
    return last ?? 0;
  };
}

/** Only a call that needs the server's CORS answer needs the server to expose the headers the app reads from it. */
const needsCorsAnswer = (prediction: CorsPrediction): boolean =>
  prediction.url !== null && (prediction.kind === 'simple' || prediction.kind === 'preflight');

/**
 * The per-endpoint record of a client's calls, as a plugin for the `stats` option of `createClient` and
 * `createFetch`; the client (or fetch) then has `stats()`: per endpoint (method + origin + path), the calls, how the
 * rules engine judged them, the request headers that cause preflights, the OPTIONS round trips left after replaying
 * the calls through a model of the browser's preflight cache, and with `responseHeaders` the response headers the app
 * reads. `JSON.stringify(api.stats())` is the session file `crosswise server-config` turns into the server's CORS
 * configuration. Bounded: at most 1,000 endpoints (the least recently called dropped first, counted in `evicted`) and
 * 64 header names each. Throws a TypeError (a RangeError for `preflightMaxAge`) naming the field when an option is
 * malformed.
 * @example
 * const api = createClient({
 *   baseUrl: 'https://api.example.com',
 *   stats: sessionStats({ responseHeaders: true, preflightMaxAge: { 'https://api.example.com': 600 } }),
 * });
 */
export function sessionStats(options: StatsOptions = {}): StatsPlugin {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(badOption('sessionStats', 'takes { responseHeaders?, preflightMaxAge?, clock? }'));
  // Each getter (or Proxy trap) is read once, into copies, and the copies are what is checked and kept: an object
  // that answers the check with one value and the copy with another must not slip an unchecked one in. Frozen, so
  // the caller's objects cannot change the replay after the plugin was made either.
  const copy: StatsOptions = { ...options };
  const { preflightMaxAge } = copy;
  if (typeof preflightMaxAge === 'object' && preflightMaxAge !== null) copy.preflightMaxAge = Object.freeze({ ...preflightMaxAge });
  validate(copy);
  const frozen: StatsOptions = Object.freeze(copy);
  const maxAgeFor = (origin: string): string | undefined => {
    const maxAge = frozen.preflightMaxAge;
    return maxAge === undefined ? undefined : String(typeof maxAge === 'number' ? maxAge : (maxAge[origin] ?? ''));
  };
  const clock = steady(frozen.clock ?? (() => performance.now()));
  return Object.freeze({
    [PLUGIN]: 'stats' as const,
    options: frozen,
    start(engine: Engine) {
      const stats = createStats(engine, maxAgeFor, clock, { responseHeaders: frozen.responseHeaders === true });
      return {
        record: stats.record,
        // Names only: the listener never sees a value.
        received:
          frozen.responseHeaders === true
            ? (response: Response, prediction: CorsPrediction) => {
                if (needsCorsAnswer(prediction)) watchHeaderReads(response.headers, (name) => stats.read(prediction, name));
              }
            : undefined,
        snapshot: stats.snapshot,
      };
    },
  } satisfies StatsPluginCode);
}
