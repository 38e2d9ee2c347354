// predictCors's cost next to the cost of `new Request(url, init)` for the same calls, in one run.
// Target: ≤ 0.5× — predicting must cost well under building the request the platform builds anyway. Run by bench/main.ts.
import { performance } from 'node:perf_hooks';
import { predictCors } from '../src/cors/index.js';
import { median, type BenchRow } from './row.js';
import { toFetchArgs } from '../test/conformance/fetch-args.js';
import { buildShapes } from '../test/conformance/shapes.js';

const origin = 'http://127.0.0.1:3000';

/** Builds the calls once: every conformance shape the platform accepts as a Request, reusable across rounds. */
function reusableCalls(): [RequestInfo | URL, RequestInit | undefined][] {
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
  return calls;
}

export async function benchPredict(rounds = Number(process.env['BENCH_ROUNDS'] ?? 60)): Promise<BenchRow> {
  const calls = reusableCalls();
  const timeRound = (run: () => void): number => {
    const start = performance.now();
    run();
    return ((performance.now() - start) * 1000) / calls.length;
  };
  const buildRequests = (): void => {
    for (const [input, init] of calls) new Request(input, init);
  };
  const predictAll = (): void => {
    for (const [input, init] of calls) predictCors(input, init, { origin, engine: 'chromium' });
  };
  for (let i = 0; i < 10; i++) {
    buildRequests();
    predictAll();
  } // warm up the JIT
  // Rounds alternate between the two so that GC pressure and CPU frequency fall on both alike; medians ignore outliers.
  const requestTimes: number[] = [];
  const predictTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    requestTimes.push(timeRound(buildRequests));
    predictTimes.push(timeRound(predictAll));
  }
  const request = median(requestTimes);
  const predict = median(predictTimes);
  return {
    details: [`${calls.length} request shapes (the conformance matrix) × ${rounds} rounds, the two alternating; medians`],
    name: 'predictCors vs new Request()',
    measured: `${predict.toFixed(2)} µs/call`,
    baseline: `${request.toFixed(2)} µs/call`,
    ratio: predict / request,
    target: { op: '<=', value: 0.5 },
  };
}
