import { PreflightCacheModel, preflightCacheSeconds, type CorsKind, type CorsPrediction, type Engine } from '../cors/index.js';

// The per-endpoint record behind `sessionStats()` (./stats-plugin.ts): only an app that passes that plugin ships it.

/**
 * How many endpoints `stats()` keeps apart; past it the least recently called is dropped (its calls stay in the
 * totals, and `evicted` counts it). A URL with an id in its path is an endpoint per id, so this bounds memory.
 */
export const STATS_ENDPOINT_CAPACITY = 1000;

/** How many names one endpoint's `requestHeaders` (and `responseHeaders`) keeps; names past it are not recorded. */
export const STATS_HEADER_NAMES_CAPACITY = 64;

/** What `sessionStats()` records and how: every field is optional, and each off by default. */
export interface StatsOptions {
  /**
   * Record, per endpoint, the response headers the app reads by name (`response.headers.get(name)` or `.has(name)`)
   * from cross-origin calls, beyond the safelisted ones: `stats()` lists them in `responseHeaders`, and
   * `crosswise server-config` puts them in Access-Control-Expose-Headers. Names only, never values; Set-Cookie never
   * (no page can read it). Reads by iteration (`forEach`, `entries()`) are not seen: name those with `--expose`.
   * When on, each such response's `headers.get` and `headers.has` are wrapped; off, responses are left as they are.
   * @default false
   * @example sessionStats({ responseHeaders: true })
   */
  responseHeaders?: boolean;
  /**
   * The Access-Control-Max-Age the servers declare (seconds), for all origins or per origin: the stats replay the
   * calls through a model of the browser's preflight cache with it, to count the OPTIONS round trips it lets through.
   * @default undefined (the engine's default: 5 s in the standard)
   * @example { 'https://api.example.com': 600 }
   */
  preflightMaxAge?: number | Readonly<Record<string, number>>;
  /**
   * The clock the preflight cache is replayed with, in milliseconds. A reading that throws, is not a finite number or
   * goes back in time counts as the last good one (the record never fails a call).
   * @default performance.now
   * @example () => Date.now()
   */
  clock?: () => number;
}

/**
 * Per endpoint (method + origin + path): how calls went, and the OPTIONS round trips the browser really makes.
 * Plain data: `JSON.stringify(api.stats())` is the session file `crosswise server-config` reads.
 */
export interface EndpointStats {
  /** How many calls went out to this endpoint (a call refused before sending is not counted). */
  calls: number;
  /** How many calls the rules engine judged same-origin, simple, preflight, no-cors or rejected. */
  kinds: Record<CorsKind, number>;
  /** Preflights after the preflight cache: what the network sees. */
  optionsRoundTrips: number;
  /** The page origin the calls were sent from (the `Origin` header), or null when unknown. */
  pageOrigin: string | null;
  /** Every name the calls listed in Access-Control-Request-Headers: lower-case, sorted, at most 64. */
  requestHeaders: string[];
  /**
   * With `sessionStats({ responseHeaders: true })`: every response header the app read from these calls beyond the
   * safelisted ones (what Access-Control-Expose-Headers must list), lower-case, sorted, at most 64. Absent otherwise.
   */
  responseHeaders?: string[];
  /** True when some call carried credentials to another origin (`credentials: 'include'`): the server must allow them and may not answer `*`. */
  credentials: boolean;
  /** Milliseconds from the first preflighted call to the last (0 for one or none): a max-age above it keeps every later one cached. */
  preflightSpanMs: number;
}

/** What `api.stats()` returns: totals over every call the client made, and the same per endpoint. */
export interface ClientStats {
  /** Calls that went out (refused calls are not counted), including those of endpoints since evicted. */
  calls: number;
  /** OPTIONS round trips the browser makes for them, after its preflight cache. */
  optionsRoundTrips: number;
  /** Keyed by method, origin and path, e.g. `GET https://api.example.com/items`; at most 1,000, the most recently called. */
  endpoints: Record<string, EndpointStats>;
  /** Endpoints dropped from `endpoints` to stay under 1,000 (the least recently called go first); 0 unless the app calls that many distinct paths. */
  evicted: number;
}

/** One endpoint's counters, with what it takes to find and drop it again. */
interface Slot {
  key: string;
  /** The `preflightMaxAge` for the endpoint's origin, as a server would send it. */
  maxAge: string | undefined;
  entry: EndpointStats;
  /** The clock's reading at the first preflighted call, for `preflightSpanMs`. */
  firstPreflightAt: number | undefined;
  /** Set when the slot is dropped: a prediction that still points at it must look its endpoint up again. */
  dropped: boolean;
}

/** What a (shared, memoized) prediction's calls have in common: their endpoint, and until when its preflight is cached. */
interface Seen {
  slot: Slot;
  /**
   * Until this reading of the clock the model holds every entry this prediction's last OPTIONS wrote, unless the
   * model evicted a fresh entry since (`evictions` then differs): a repeat costs no OPTIONS, and is not asked again.
   */
  freshUntil: number;
  evictions: number;
}

const emptyKinds = (): Record<CorsKind, number> => ({ 'same-origin': 0, simple: 0, preflight: 0, 'no-cors': 0, rejected: 0 });

function placeOf(prediction: CorsPrediction): { endpoint: string; origin: string } {
  const url = prediction.url === null ? null : new URL(prediction.url);
  return url === null
    ? { endpoint: `${prediction.method} (invalid URL)`, origin: '' }
    : { endpoint: `${prediction.method} ${url.origin}${url.pathname}`, origin: url.origin };
}

/** `known` with the names not yet listed, sorted, while there is room; `known` itself when nothing is added (the usual case). */
function withNames(known: string[], names: readonly string[]): string[] {
  const room = STATS_HEADER_NAMES_CAPACITY - known.length;
  const fresh = room > 0 ? [...new Set(names.filter((name) => !known.includes(name)))].slice(0, room) : [];
  return fresh.length === 0 ? known : [...known, ...fresh].sort();
}

/** Counts calls per endpoint and replays them through a model of the engine's preflight cache. */
export function createStats(
  engine: Engine,
  maxAgeFor: (origin: string) => string | undefined,
  now: () => number,
  options: Pick<StatsOptions, 'responseHeaders'> = {},
  capacity: number = STATS_ENDPOINT_CAPACITY,
): {
  record(prediction: CorsPrediction): void;
  /** Notes that the app read response header `name` (lower-case) from a response to a call `record` counted. */
  read(prediction: CorsPrediction, name: string): void;
  snapshot(): ClientStats;
} {
  // A Map iterates in insertion order: re-inserting a slot on use keeps the least recently called first.
  const slots = new Map<string, Slot>();
  const cache = new PreflightCacheModel(engine);
  const totals = { calls: 0, optionsRoundTrips: 0, evicted: 0 };
  // The client memoizes predictions per request shape, so the same object comes back call after call: find its
  // endpoint's counters once (parsing its URL), then a call costs one lookup — this runs on every call.
  const seenOf = new WeakMap<CorsPrediction, Seen>();
  let newest: Slot | undefined;
  const find = (prediction: CorsPrediction): Seen => {
    const { endpoint, origin } = placeOf(prediction);
    let slot = slots.get(endpoint);
    if (slot !== undefined) {
      slots.delete(endpoint);
      slots.set(endpoint, slot);
    } else {
      for (const [key, oldest] of slots) {
        if (slots.size < capacity) break;
        slots.delete(key);
        oldest.dropped = true;
        totals.evicted++;
      }
      const entry: EndpointStats = {
        calls: 0,
        kinds: emptyKinds(),
        optionsRoundTrips: 0,
        pageOrigin: prediction.origin,
        requestHeaders: [],
        ...(options.responseHeaders === true ? { responseHeaders: [] } : {}),
        credentials: false,
        preflightSpanMs: 0,
      };
      slot = { key: endpoint, maxAge: maxAgeFor(origin), entry, firstPreflightAt: undefined, dropped: false };
      slots.set(endpoint, slot);
    }
    // A prediction's unsafe header names are listed once per endpoint: names are only ever added, and what did not
    // fit then never will, so its next calls (the same names) would change nothing.
    if (prediction.preflight) slot.entry.requestHeaders = withNames(slot.entry.requestHeaders, prediction.unsafeHeaders);
    const seen: Seen = { slot, freshUntil: -Infinity, evictions: 0 };
    seenOf.set(prediction, seen);
    return seen;
  };
  return {
    record(prediction) {
      let seen = seenOf.get(prediction);
      if (seen === undefined || seen.slot.dropped) seen = find(prediction);
      const { slot } = seen;
      if (slot !== newest) {
        // Only a call to another endpoint than the last reorders the Map: a loop on one endpoint costs nothing more.
        slots.delete(slot.key);
        slots.set(slot.key, slot);
      }
      newest = slot;
      const { entry } = slot;
      entry.calls++;
      entry.kinds[prediction.kind]++;
      totals.calls++;
      if (prediction.credentials === 'include' && prediction.kind !== 'same-origin') entry.credentials = true;
      // Only a preflight can cost an OPTIONS round trip: the cache model and the clock are for those alone.
      if (!prediction.preflight) return;
      const at = now();
      slot.firstPreflightAt ??= at;
      entry.preflightSpanMs = Math.max(entry.preflightSpanMs, at - slot.firstPreflightAt);
      // The model's entries for this prediction only ever get fresher (the same URL, so the same max-age), and leave
      // it fresh only by eviction, which it counts: within that window its answer is known without building its keys.
      if (at < seen.freshUntil && cache.evicted === seen.evictions) return;
      const evictions = cache.evicted;
      if (cache.admit(prediction, at, slot.maxAge)) {
        entry.optionsRoundTrips++;
        totals.optionsRoundTrips++;
        seen.freshUntil = at + preflightCacheSeconds(slot.maxAge, engine) * 1000;
        seen.evictions = evictions;
      }
    },
    read(prediction, name) {
      // A read comes after its call was recorded; an endpoint evicted since is not brought back by it.
      const slot = seenOf.get(prediction)?.slot;
      const entry = slot === undefined || slot.dropped ? slots.get(placeOf(prediction).endpoint)?.entry : slot.entry;
      if (entry?.responseHeaders !== undefined) entry.responseHeaders = withNames(entry.responseHeaders, [name]);
    },
    snapshot() {
      const copy = (entry: EndpointStats): EndpointStats => ({
        ...entry,
        kinds: { ...entry.kinds },
        requestHeaders: [...entry.requestHeaders],
        ...(entry.responseHeaders === undefined ? {} : { responseHeaders: [...entry.responseHeaders] }),
      });
      const endpoints = Object.fromEntries([...slots.values()].map(({ key, entry }) => [key, copy(entry)]));
      return { calls: totals.calls, optionsRoundTrips: totals.optionsRoundTrips, endpoints, evicted: totals.evicted };
    },
  };
}
