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
for (let i = 0; i < 12; i++) {
  for (const [name, run] of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) samples[name]?.push(await round(run));
}
server.disconnect();

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
for (const [name, value] of Object.entries(rate)) console.log(`${name.padEnd(10)} ${value.toFixed(0).padStart(7)} calls/s (median of 12 rounds × ${CALLS} calls, ${CONCURRENCY} in flight)`);
const ratio = (rate['crosswise'] ?? 0) / (rate['ky'] ?? 1);
console.log(`ratio crosswise / ky: ${ratio.toFixed(3)}× (target ≥ 0.95×) ${ratio >= 0.95 ? 'OK' : 'UNDER TARGET'}`);
if (ratio < 0.95) process.exitCode = 1;
