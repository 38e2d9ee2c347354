// Throughput of crosswise's api.get vs ky.get vs bare fetch against one loopback server, in one run.
// Target: crosswise ≥ 0.95× ky (predicting each call must not cost a client its speed).
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import ky from 'ky';
import { createClient } from '../src/index.js';

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

const CALLS = Number(process.env['BENCH_CALLS'] ?? 400);
const CONCURRENCY = 8;
async function round(run: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < CALLS) await run();
  }));
  return CALLS / ((performance.now() - start) / 1000);
}

const samples: Record<string, number[]> = { fetch: [], ky: [], crosswise: [] };
for (const run of Object.values(runners)) await round(run); // warm up
// Each round rotates the order, so that no client always runs first or last against a warming server.
const order = Object.entries(runners);
const ROUNDS = 20;
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, run] of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) samples[name]?.push(await round(run));
}
server.disconnect();

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
for (const [name, value] of Object.entries(rate)) console.log(`${name.padEnd(10)} ${value.toFixed(0).padStart(7)} calls/s (median of ${ROUNDS} rounds × ${CALLS} calls, ${CONCURRENCY} in flight)`);
// This machine's speed drifts by tens of percent within a minute: the ratio is taken within each round (the two
// clients measured moments apart), then the median across rounds.
const ratios = (samples['crosswise'] ?? []).map((value, i) => value / (samples['ky']?.[i] ?? Number.NaN));
const ratio = median(ratios);
console.log(`ratio crosswise / ky: ${ratio.toFixed(3)}× median of per-round ratios (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; target ≥ 0.95×) ${ratio >= 0.95 ? 'OK' : 'UNDER TARGET'}`);
if (ratio < 0.95) process.exitCode = 1;
