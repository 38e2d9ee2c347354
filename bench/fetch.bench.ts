// Throughput of createFetch() vs bare fetch against one loopback server, in one run; and createFetch's own per-call
// work with the network stubbed out. Targets: ≥ 0.98× bare fetch, and under 2 µs of its own per repeated call.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createFetch } from '../src/fetch/index.js';
import { median, type BenchRow } from './row.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 100);
const CONCURRENCY = 8;
const ROUNDS = Number(process.env['BENCH_FETCH_ROUNDS'] ?? 240); // 40 times every order of the 3 runners
const WARM_UP = 16;
/** Calls per timed batch of the stubbed measurement, and batches (the median is taken). */
const STUB_CALLS = 20_000;
const STUB_BATCHES = Number(process.env['BENCH_STUB_BATCHES'] ?? 30);

async function burst(run: () => Promise<unknown>, calls: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < calls) await run();
    }),
  );
}

async function round(run: () => Promise<unknown>): Promise<number> {
  await burst(run, WARM_UP);
  const start = performance.now();
  await burst(run, CALLS);
  return CALLS / ((performance.now() - start) / 1000);
}

const orders = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

/** Microseconds per call of `run`, awaited one after another: the median of the batches. */
async function perCall(run: () => Promise<unknown>): Promise<number[]> {
  const batches: number[] = [];
  for (let batch = 0; batch < STUB_BATCHES; batch++) {
    const start = performance.now();
    for (let i = 0; i < STUB_CALLS; i++) await run();
    batches.push(((performance.now() - start) * 1000) / STUB_CALLS);
  }
  return batches;
}

/**
 * createFetch's own work per call: the same call through createFetch over a stub that answers at once, minus the stub
 * called directly. What a real fetch does with the arguments (its own Request, the network) is on both sides alike.
 */
async function ownWork(input: string | Request): Promise<{ own: number; stub: number; wrapped: number }> {
  const response = new Response(null);
  const stub = async (_input: RequestInfo | URL, _init?: RequestInit): Promise<Response> => response;
  const wrapped = createFetch({ fetch: stub, origin: 'http://127.0.0.1:1', engine: 'chromium', onWarning: () => undefined });
  const stubTimes: number[] = [];
  const wrappedTimes: number[] = [];
  // Interleaved batches: the machine's drift falls on both sides.
  for (let i = 0; i < 3; i++) {
    stubTimes.push(...(await perCall(() => stub(input))));
    wrappedTimes.push(...(await perCall(() => wrapped(input))));
  }
  const [stubMedian, wrappedMedian] = [median(stubTimes), median(wrappedTimes)];
  return { own: wrappedMedian - stubMedian, stub: stubMedian, wrapped: wrappedMedian };
}

export async function benchFetch(): Promise<BenchRow> {
  const server = fork(new URL('./loopback-server.mjs', import.meta.url));
  const port = await new Promise<number>((resolve) => server.once('message', (message) => resolve(Number(message))));
  const url = `http://127.0.0.1:${port}/items`;
  const crosswiseFetch = createFetch({ origin: 'http://127.0.0.1:1', engine: 'chromium', onWarning: () => undefined });
  const runners: Record<string, () => Promise<unknown>> = {
    fetch: async () => (await fetch(url)).json(),
    // The same bare fetch again: what the method alone reads into a ratio (ideally 1.00).
    'fetch again': async () => (await fetch(url)).json(),
    createFetch: async () => (await crosswiseFetch(url)).json(),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runners).map((name) => [name, []]));
  try {
    for (const run of Object.values(runners)) await round(run);
    const sequence = orders(Object.keys(runners));
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of sequence[i % sequence.length] ?? []) samples[name]?.push(await round(runners[name] ?? (async () => undefined)));
    }
  } finally {
    server.disconnect();
  }
  const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const perRound = (name: string): number[] => (samples[name] ?? []).map((value, i) => value / (samples['fetch']?.[i] ?? Number.NaN));
  const ratios = perRound('createFetch');
  const work = await ownWork('http://127.0.0.1:2/items');
  // The shape openapi-fetch and axios call with: a Request (built once here, since building one is the caller's cost on both sides).
  const requestWork = await ownWork(new Request('http://127.0.0.1:2/items', { headers: { Accept: 'application/json' } }));
  return {
    details: [
      `${ROUNDS} rounds × ${CALLS} GETs (after ${WARM_UP} untimed), ${CONCURRENCY} in flight, every order in turn; ${Object.entries(rate)
        .map(([name, value]) => `${name} ${value.toFixed(0)}/s`)
        .join(', ')} (medians)`,
      `createFetch / fetch per round: min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; control: fetch again / fetch ${median(perRound('fetch again')).toFixed(3)}× (ideally 1.000)`,
      `own per-call work with a stubbed network (target < 2 µs), a repeated URL: ${work.own.toFixed(2)} µs (${work.wrapped.toFixed(2)} µs through createFetch, ${work.stub.toFixed(2)} µs the stub alone; medians of ${3 * STUB_BATCHES} batches of ${STUB_CALLS})`,
      `own per-call work, a repeated Request (openapi-fetch's and axios's shape): ${requestWork.own.toFixed(2)} µs`,
    ],
    name: 'createFetch() vs fetch (loopback)',
    measured: `${(rate['createFetch'] ?? 0).toFixed(0)} calls/s`,
    baseline: `${(rate['fetch'] ?? 0).toFixed(0)} calls/s`,
    ratio: median(ratios),
    target: { op: '>=', value: 0.98 },
  };
}
