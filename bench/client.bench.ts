// Throughput of crosswise's api.get vs ky.get vs bare fetch against one loopback server, in one run.
// Target: crosswise ≥ 0.95× ky (predicting each call must not cost a client its speed). Run by bench/main.ts.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import ky from 'ky';
import { createClient } from '../src/index.js';
import { median, type BenchRow } from './row.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 100);
const CONCURRENCY = 8;
const ROUNDS = 160; // short rounds, many of them: the machine's speed drifts within a second, and each ratio pairs moments apart

async function round(run: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < CALLS) await run();
  }));
  return CALLS / ((performance.now() - start) / 1000);
}

export async function benchClient(): Promise<BenchRow> {
  const server = fork(new URL('./loopback-server.mjs', import.meta.url));
  const port = await new Promise<number>((resolve) => server.once('message', (message) => resolve(Number(message))));
  const base = `http://127.0.0.1:${port}`;
  const plainKy = ky.create({ prefix: base, retry: 0 });
  // Same ky options on both sides: ky 2.1's `baseUrl` builds a second Request per call, `prefix` does not.
  const api = createClient({ prefix: base, origin: 'http://127.0.0.1:1', engine: 'chromium', retry: 0, onWarning: () => undefined });
  const runners: Record<string, () => Promise<unknown>> = {
    fetch: async () => (await fetch(`${base}/items`)).json(),
    ky: () => plainKy.get('items').json(),
    crosswise: () => api.get('items').json(),
  };
  const samples: Record<string, number[]> = { fetch: [], ky: [], crosswise: [] };
  try {
    for (const run of Object.values(runners)) await round(run); // warm up
    // Each round rotates the order, so that no client always runs first or last against a warming server.
    const order = Object.entries(runners);
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, run] of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) samples[name]?.push(await round(run));
    }
  } finally {
    server.disconnect();
  }
  const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  // This machine's speed drifts by tens of percent within a minute: the ratio is taken within each round (the two
  // clients measured moments apart), then the median across rounds.
  const ratios = (samples['crosswise'] ?? []).map((value, i) => value / (samples['ky']?.[i] ?? Number.NaN));
  return {
    details: [
      `${ROUNDS} rounds × ${CALLS} GETs, ${CONCURRENCY} in flight, rotating order; ${Object.entries(rate).map(([name, value]) => `${name} ${value.toFixed(0)}/s`).join(', ')} (medians)`,
      `crosswise / ky per round: min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; crosswise / fetch ${((rate['crosswise'] ?? 0) / (rate['fetch'] ?? 1)).toFixed(2)}×`,
    ],
    name: 'client api.get vs ky.get (loopback)',
    measured: `${(rate['crosswise'] ?? 0).toFixed(0)} calls/s`,
    baseline: `${(rate['ky'] ?? 0).toFixed(0)} calls/s (fetch ${(rate['fetch'] ?? 0).toFixed(0)})`,
    ratio: median(ratios),
    target: { op: '>=', value: 0.95 },
  };
}
