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

function endpointOf(prediction: CorsPrediction): string {
  if (prediction.url === null) return `${prediction.method} (invalid URL)`;
  const url = new URL(prediction.url);
  return `${prediction.method} ${url.origin}${url.pathname}`;
}

/** Counts calls per endpoint and replays them through a model of the engine's preflight cache. */
export function createStats(engine: Engine, maxAgeFor: (origin: string) => string | undefined, now: () => number): {
  record(prediction: CorsPrediction): void;
  snapshot(): ClientStats;
} {
  const endpoints = new Map<string, EndpointStats>();
  const cache = new PreflightCacheModel(engine);
  return {
    record(prediction) {
      const key = endpointOf(prediction);
      const entry = endpoints.get(key) ?? { calls: 0, kinds: emptyKinds(), optionsRoundTrips: 0 };
      entry.calls++;
      entry.kinds[prediction.kind]++;
      const origin = prediction.url === null ? '' : new URL(prediction.url).origin;
      if (cache.admit(prediction, now(), maxAgeFor(origin))) entry.optionsRoundTrips++;
      endpoints.set(key, entry);
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
