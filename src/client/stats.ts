import { PreflightCacheModel, type CorsKind, type CorsPrediction, type Engine } from '../cors/index.js';

/** Per endpoint (method + origin + path): how calls went, and the OPTIONS round trips the browser really makes. */
export interface EndpointStats {
  calls: number;
  /** How many calls the rules engine judged same-origin, simple, preflight, no-cors or rejected. */
  kinds: Record<CorsKind, number>;
  /** Preflights after the preflight cache: what the network sees. */
  optionsRoundTrips: number;
}

/** What `api.stats()` returns: totals over every call the client made, and the same per endpoint. */
export interface ClientStats {
  /** Calls that went out (refused calls are not counted). */
  calls: number;
  /** OPTIONS round trips the browser makes for them, after its preflight cache. */
  optionsRoundTrips: number;
  /** Keyed by method, origin and path, e.g. `GET https://api.example.com/items`. */
  endpoints: Record<string, EndpointStats>;
}

const emptyKinds = (): Record<CorsKind, number> => ({ 'same-origin': 0, simple: 0, preflight: 0, 'no-cors': 0, rejected: 0 });

function placeOf(prediction: CorsPrediction): { endpoint: string; origin: string } {
  const url = prediction.url === null ? null : new URL(prediction.url);
  return url === null ? { endpoint: `${prediction.method} (invalid URL)`, origin: '' } : { endpoint: `${prediction.method} ${url.origin}${url.pathname}`, origin: url.origin };
}

/** Counts calls per endpoint and replays them through a model of the engine's preflight cache. */
export function createStats(engine: Engine, maxAgeFor: (origin: string) => string | undefined, now: () => number): {
  record(prediction: CorsPrediction): void;
  snapshot(): ClientStats;
} {
  const endpoints = new Map<string, EndpointStats>();
  const cache = new PreflightCacheModel(engine);
  // The client memoizes predictions per request shape, so the same object comes back call after call: find its
  // endpoint's counters once (parsing its URL), then a call costs one lookup — this runs on every call.
  const counters = new WeakMap<CorsPrediction, { entry: EndpointStats; origin: string }>();
  return {
    record(prediction) {
      let counter = counters.get(prediction);
      if (counter === undefined) {
        const { endpoint, origin } = placeOf(prediction);
        let entry = endpoints.get(endpoint);
        if (entry === undefined) endpoints.set(endpoint, (entry = { calls: 0, kinds: emptyKinds(), optionsRoundTrips: 0 }));
        counters.set(prediction, (counter = { entry, origin }));
      }
      const { entry, origin } = counter;
      entry.calls++;
      entry.kinds[prediction.kind]++;
      // Only a preflight can cost an OPTIONS round trip: the cache model and the clock are for those alone.
      if (prediction.preflight && cache.admit(prediction, now(), maxAgeFor(origin))) entry.optionsRoundTrips++;
    },
    snapshot() {
      const copy = Object.fromEntries([...endpoints].map(([key, value]) => [key, { ...value, kinds: { ...value.kinds } }]));
      const all = [...endpoints.values()];
      return {
        calls: all.reduce((sum, entry) => sum + entry.calls, 0),
        optionsRoundTrips: all.reduce((sum, entry) => sum + entry.optionsRoundTrips, 0),
        endpoints: copy,
      };
    },
  };
}
