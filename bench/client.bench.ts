// Throughput of crosswise's api.get vs ky.get vs bare fetch against one loopback server, in one run; and the client's
// own work per preflighted call with the network stubbed out. Targets: crosswise ≥ 0.98× ky (predicting each call must
// not cost a client its speed), and at most 3 µs over ky per preflighted call. Run by bench/main.ts.
import ky from 'ky';
import { loadBuilt, median, type BenchRow } from './row.js';
import { costPerCall, perRound, runRounds, startLoopbackServer, type CostOver, type RoundSamples, cpuDetail } from './rounds.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 100);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 720); // short rounds, many of them (30 times every order of the 4 runners): the speed drifts within a second, and each ratio pairs moments apart
const WARM_UP = 16;
/** Calls of each runner in the stubbed measurement, alternated one by one. */
const STUB_CALLS = Number(process.env['BENCH_STUB_CALLS'] ?? 20_000);

const crosswiseOptions = { origin: 'http://127.0.0.1:1', engine: 'chromium', retry: 0, onWarning: () => undefined } as const;

export async function benchClient(): Promise<BenchRow> {
  const { createClient } = await loadBuilt('index.js');
  const server = await startLoopbackServer();
  const plainKy = ky.create({ prefix: server.base, retry: 0 });
  // A second, identical ky: ky against itself shows what the method alone reads into a ratio (ideally 1.00).
  const sameKy = ky.create({ prefix: server.base, retry: 0 });
  // Same ky options on both sides: ky 2.1's `baseUrl` builds a second Request per call, `prefix` does not.
  const api = createClient({ prefix: server.base, ...crosswiseOptions });
  let measured: RoundSamples;
  try {
    measured = await runRounds(
      {
        fetch: async () => (await fetch(`${server.base}/items`)).json(),
        ky: () => plainKy.get('items').json(),
        'ky again': () => sameKy.get('items').json(),
        crosswise: () => api.get('items').json(),
      },
      { rounds: ROUNDS, calls: CALLS, warmUp: WARM_UP },
    );
  } finally {
    server.stop();
  }
  const samples = measured.rates;
  const rate = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const ratios = perRound(samples, 'crosswise', 'ky');
  return {
    details: [
      `${ROUNDS} rounds × ${CALLS} GETs (after ${WARM_UP} untimed), 8 in flight, every order in turn; ${Object.entries(rate)
        .map(([name, value]) => `${name} ${value.toFixed(0)}/s`)
        .join(', ')} (medians)`,
      `crosswise / ky per round: min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; crosswise / fetch ${((rate['crosswise'] ?? 0) / (rate['fetch'] ?? 1)).toFixed(2)}×`,
      `control: ky / the same ky again ${(1 / median(perRound(samples, 'ky again', 'ky'))).toFixed(3)}× (the method's own bias; ideally 1.000)`,
      cpuDetail(measured.cpu, 'crosswise', 'ky', 'ky again'),
    ],
    name: 'client api.get vs ky.get (loopback)',
    measured: `${(rate['crosswise'] ?? 0).toFixed(0)} calls/s`,
    baseline: `${(rate['ky'] ?? 0).toFixed(0)} calls/s (fetch ${(rate['fetch'] ?? 0).toFixed(0)})`,
    ratio: median(ratios),
    target: { op: '>=', value: 0.98 },
  };
}

/**
 * The client's own work per call: the same call through crosswise and through ky with the same options, both over a
 * stub that answers at once. What a real fetch does (the network, the body) is on both sides alike.
 */
export async function benchClientOverhead(): Promise<BenchRow> {
  const { createClient } = await loadBuilt('index.js');
  const body = '{"ok":true}';
  const stub = async (): Promise<Response> => new Response(body, { headers: { 'Content-Type': 'application/json' } });
  const base = 'http://127.0.0.1:2';
  const plainKy = ky.create({ prefix: base, retry: 0, fetch: stub });
  const api = createClient({ prefix: base, fetch: stub, ...crosswiseOptions });
  // X-Api-Key makes the call preflighted: the path that warns (once) and replays the browser's preflight cache.
  const preflighted = { headers: { 'X-Api-Key': 'k' } };
  const { medians, over } = await costPerCall(
    {
      ky: () => plainKy.get('items').json(),
      crosswise: () => api.get('items').json(),
      'ky preflighted': () => plainKy.get('items', preflighted).json(),
      'crosswise preflighted': () => api.get('items', preflighted).json(),
    },
    { crosswise: 'ky', 'crosswise preflighted': 'ky preflighted' },
    STUB_CALLS,
  );
  const range = (cost: CostOver | undefined): string => `quartiles ${cost?.low.toFixed(2)}–${cost?.high.toFixed(2)} µs`;
  const own = over['crosswise preflighted']?.median ?? Number.NaN;
  return {
    details: [
      `${STUB_CALLS} calls of each, alternated one by one; ky ${medians['ky preflighted']?.toFixed(1)} µs per preflighted call, crosswise ${medians['crosswise preflighted']?.toFixed(1)} µs (medians)`,
      `over ky per preflighted call: ${own.toFixed(2)} µs (median of the call-by-call differences; ${range(over['crosswise preflighted'])}); per simple call: ${over['crosswise']?.median.toFixed(2)} µs (${range(over['crosswise'])})`,
    ],
    name: 'client over ky per preflighted call (stub)',
    measured: `${own.toFixed(2)} µs/call`,
    baseline: `ky ${medians['ky preflighted']?.toFixed(1)} µs/call`,
    ratio: own,
    unit: 'µs',
    target: { op: '<=', value: 3 },
  };
}
