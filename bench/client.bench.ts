// Throughput of crosswise's api.get vs ky.get vs bare fetch against one loopback server, in one run.
// Target: crosswise ≥ 0.95× ky (predicting each call must not cost a client its speed). Run by bench/main.ts.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import ky from 'ky';
import { createClient } from '../src/index.js';
import { median, type BenchRow } from './row.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 100);
const CONCURRENCY = 8;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 720); // short rounds, many of them (30 times every order of the 4 runners): the speed drifts within a second, and each ratio pairs moments apart
// Untimed calls that open each round: a round measures the client in it, not the switch from the one before (its
// garbage, its cold code paths), which would otherwise fall on whichever client follows the slowest.
const WARM_UP = 16;

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

/** Every order of the runners: over the rounds each one follows each other one equally often. */
const orders = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

export async function benchClient(): Promise<BenchRow> {
  const server = fork(new URL('./loopback-server.mjs', import.meta.url));
  const port = await new Promise<number>((resolve) => server.once('message', (message) => resolve(Number(message))));
  const base = `http://127.0.0.1:${port}`;
  const plainKy = ky.create({ prefix: base, retry: 0 });
  // A second, identical ky: ky against itself shows what the method alone reads into a ratio (ideally 1.00).
  const sameKy = ky.create({ prefix: base, retry: 0 });
  // Same ky options on both sides: ky 2.1's `baseUrl` builds a second Request per call, `prefix` does not.
  const api = createClient({ prefix: base, origin: 'http://127.0.0.1:1', engine: 'chromium', retry: 0, onWarning: () => undefined });
  const runners: Record<string, () => Promise<unknown>> = {
    fetch: async () => (await fetch(`${base}/items`)).json(),
    ky: () => plainKy.get('items').json(),
    'ky again': () => sameKy.get('items').json(),
    crosswise: () => api.get('items').json(),
  };
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runners).map((name) => [name, []]));
  try {
    for (const run of Object.values(runners)) await round(run); // warm up
    // Each round runs the clients in the next of every possible order, so that none always runs first or last
    // against a warming server, or always after the same one.
    const sequence = orders(Object.keys(runners));
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of sequence[i % sequence.length] ?? []) samples[name]?.push(await round(runners[name] ?? (async () => undefined)));
    }
  } finally {
    server.disconnect();
  }
  const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  // This machine's speed drifts by tens of percent within a minute: the ratio is taken within each round (the two
  // clients measured moments apart), then the median across rounds.
  const perRound = (name: string): number[] => (samples[name] ?? []).map((value, i) => value / (samples['ky']?.[i] ?? Number.NaN));
  const ratios = perRound('crosswise');
  return {
    details: [
      `${ROUNDS} rounds × ${CALLS} GETs (after ${WARM_UP} untimed), ${CONCURRENCY} in flight, every order in turn; ${Object.entries(rate)
        .map(([name, value]) => `${name} ${value.toFixed(0)}/s`)
        .join(', ')} (medians)`,
      `crosswise / ky per round: min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; crosswise / fetch ${((rate['crosswise'] ?? 0) / (rate['fetch'] ?? 1)).toFixed(2)}×`,
      `control: ky / the same ky again ${(1 / median(perRound('ky again'))).toFixed(3)}× (the method's own bias; ideally 1.000)`,
    ],
    name: 'client api.get vs ky.get (loopback)',
    measured: `${(rate['crosswise'] ?? 0).toFixed(0)} calls/s`,
    baseline: `${(rate['ky'] ?? 0).toFixed(0)} calls/s (fetch ${(rate['fetch'] ?? 0).toFixed(0)})`,
    ratio: median(ratios),
    target: { op: '>=', value: 0.95 },
  };
}
