// Throughput of createFetch() vs bare fetch against one loopback server, in one run; and createFetch's own per-call
// work with the network stubbed out. Targets: ≥ 0.98× bare fetch, and under 2 µs of its own per repeated call.
import { loadBuilt, median, type BenchRow } from './row.js';
import { costPerCall, perRound, runRounds, startLoopbackServer, type CostOver, type RoundSamples, cpuDetail } from './rounds.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 100);
const ROUNDS = Number(process.env['BENCH_FETCH_ROUNDS'] ?? 240); // 40 times every order of the 3 runners
const WARM_UP = 16;
/** Calls of each runner in the stubbed measurement, alternated one by one. */
const STUB_CALLS = Number(process.env['BENCH_STUB_CALLS'] ?? 50_000);

const crosswiseOptions = { origin: 'http://127.0.0.1:1', engine: 'chromium', onWarning: () => undefined } as const;

export async function benchFetch(): Promise<BenchRow> {
  const { createFetch } = await loadBuilt('fetch.js');
  const server = await startLoopbackServer();
  const url = `${server.base}/items`;
  const crosswiseFetch = createFetch(crosswiseOptions);
  let measured: RoundSamples;
  try {
    measured = await runRounds(
      {
        fetch: async () => (await fetch(url)).json(),
        // The same bare fetch again: what the method alone reads into a ratio (ideally 1.00).
        'fetch again': async () => (await fetch(url)).json(),
        createFetch: async () => (await crosswiseFetch(url)).json(),
      },
      { rounds: ROUNDS, calls: CALLS, warmUp: WARM_UP },
    );
  } finally {
    server.stop();
  }
  const samples = measured.rates;
  const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const ratios = perRound(samples, 'createFetch', 'fetch');
  return {
    details: [
      `${ROUNDS} rounds × ${CALLS} GETs (after ${WARM_UP} untimed), 8 in flight, every order in turn; ${Object.entries(rate)
        .map(([name, value]) => `${name} ${value.toFixed(0)}/s`)
        .join(', ')} (medians)`,
      `createFetch / fetch per round: min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; control: fetch again / fetch ${median(perRound(samples, 'fetch again', 'fetch')).toFixed(3)}× (ideally 1.000)`,
      cpuDetail(measured.cpu, 'createFetch', 'fetch', 'fetch again'),
    ],
    name: 'createFetch() vs fetch (loopback)',
    measured: `${(rate['createFetch'] ?? 0).toFixed(0)} calls/s`,
    baseline: `${(rate['fetch'] ?? 0).toFixed(0)} calls/s`,
    ratio: median(ratios),
    target: { op: '>=', value: 0.98 },
  };
}

/**
 * createFetch's own work per call: the same call through createFetch over a stub that answers at once, minus the stub
 * called directly, in CPU time. What a real fetch does with the arguments (its own Request, the network) is on both
 * sides alike. Two repeated shapes: a URL, and a Request built afresh for every call, as openapi-fetch and axios call
 * (building it is the caller's cost, on both sides).
 */
export async function benchFetchOwnWork(): Promise<BenchRow> {
  const { createFetch } = await loadBuilt('fetch.js');
  const response = new Response(null);
  const stub = async (_input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => response;
  const wrapped = createFetch({ fetch: stub, ...crosswiseOptions });
  const url = 'http://127.0.0.1:2/items';
  const request = (): Request => new Request(url, { headers: { Accept: 'application/json' } });
  const { medians, over } = await costPerCall(
    {
      'stub, a URL': () => stub(url),
      'createFetch, a URL': () => wrapped(url),
      'stub, a Request': () => stub(request()),
      'createFetch, a Request': () => wrapped(request()),
    },
    { 'createFetch, a URL': 'stub, a URL', 'createFetch, a Request': 'stub, a Request' },
    STUB_CALLS,
  );
  const range = (cost: CostOver | undefined): string => `quartiles ${cost?.low.toFixed(2)}–${cost?.high.toFixed(2)} µs`;
  const byUrl = over['createFetch, a URL'];
  const byRequest = over['createFetch, a Request'];
  const worst = Math.max(byUrl?.median ?? Number.NaN, byRequest?.median ?? Number.NaN);
  return {
    details: [
      `${STUB_CALLS} calls of each, alternated one by one; a repeated URL: ${byUrl?.median.toFixed(2)} µs over the stub (median of the call-by-call differences; ${range(byUrl)})`,
      `a repeated Request built per call (openapi-fetch's and axios's shape): ${byRequest?.median.toFixed(2)} µs (${range(byRequest)}); building that Request costs ${medians['stub, a Request']?.toFixed(2)} µs`,
    ],
    name: 'createFetch own work per call (stub)',
    measured: `${worst.toFixed(2)} µs/call`,
    baseline: `the stub ${medians['stub, a URL']?.toFixed(2)} µs/call`,
    ratio: worst,
    unit: 'µs',
    target: { op: '<=', value: 2 },
  };
}
