// predictCors's cost next to the cost of `new Request(url, init)` for the same calls, in one run.
// Target: ≤ 0.5× — predicting must cost well under building the request the platform builds anyway.
import { performance } from 'node:perf_hooks';
import { predictCors } from '../src/cors/index.js';
import { toFetchArgs } from '../test/conformance/fetch-args.js';
import { buildShapes } from '../test/conformance/shapes.js';

const origin = 'http://127.0.0.1:3000';
const calls: [RequestInfo | URL, RequestInit | undefined][] = [];
for (const shape of buildShapes()) {
  if (shape.asRequest === true || shape.body?.kind === 'stream') continue; // one-shot inputs: cannot be reused across rounds
  const args = toFetchArgs(shape, `http://127.0.0.1:4000/probe/${shape.id}`);
  try {
    new Request(args[0], args[1]);
    calls.push(args);
  } catch {
    // Shapes the platform refuses cost nothing to build; compare on calls that become a Request.
  }
}

// Rounds alternate between the two so that GC pressure and CPU frequency fall on both alike; medians ignore outliers.
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function timeRound(run: () => void): number {
  const start = performance.now();
  run();
  return ((performance.now() - start) * 1000) / calls.length;
}

const buildRequests = (): void => { for (const [input, init] of calls) new Request(input, init); };
const predictAll = (): void => { for (const [input, init] of calls) predictCors(input, init, { origin, engine: 'chromium' }); };
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 60);
for (let i = 0; i < 10; i++) { buildRequests(); predictAll(); } // warm up the JIT
const requestTimes: number[] = [];
const predictTimes: number[] = [];
for (let i = 0; i < rounds; i++) {
  requestTimes.push(timeRound(buildRequests));
  predictTimes.push(timeRound(predictAll));
}
const request = median(requestTimes);
const predict = median(predictTimes);
console.log(`${'new Request(url, init)'.padEnd(28)} ${request.toFixed(2).padStart(8)} µs/call (median of ${rounds} rounds)`);
console.log(`${'predictCors(url, init)'.padEnd(28)} ${predict.toFixed(2).padStart(8)} µs/call (median of ${rounds} rounds)`);
const ratio = predict / request;
console.log(`calls: ${calls.length} request shapes × ${rounds} rounds, Node ${process.version}`);
console.log(`ratio predictCors / new Request: ${ratio.toFixed(3)}× (target ≤ 0.5×) ${ratio <= 0.5 ? 'OK' : 'OVER TARGET'}`);
if (ratio > 0.5) process.exitCode = 1;
