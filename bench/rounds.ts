// How the throughput and per-call benchmarks take their samples, in one place: bench/client.bench.ts and
// bench/fetch.bench.ts compare runners measured alternately in the same run, never one after the other.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median } from './row.js';

/** One call of a runner: a request and the reading of its body. */
export type Runner = () => Promise<unknown>;

/** How a throughput run goes: calls per timed round, how many at once, and the untimed calls that open each round. */
export interface RoundOptions {
  rounds: number;
  /** @default 100 */
  calls?: number;
  /** @default 8 */
  concurrency?: number;
  /**
   * Untimed calls that open each round: a round measures the runner in it, not the switch from the one before (its
   * garbage, its cold code paths), which would otherwise fall on whichever runner follows the slowest.
   * @default 16
   */
  warmUp?: number;
}

/** Every order of the items: over the rounds each runner follows each other one equally often. */
export const orders = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

async function burst(run: Runner, calls: number, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < calls) await run();
    }),
  );
}

/** Per runner, one sample per round: calls per second (wall clock), and this process's CPU microseconds per call. */
export interface RoundSamples {
  rates: Record<string, number[]>;
  /**
   * The CPU time this process spent per call (user + system): what the runner costs the client itself, which the
   * other work on a shared machine moves far less than the wall clock. On an idle machine, where the client is the
   * bottleneck, the ratio of throughputs tends to the inverse ratio of these.
   */
  cpu: Record<string, number[]>;
}

/**
 * Calls per second of each runner, one sample per round. Each round runs every runner once, in the next of every
 * possible order, so that none always runs first or last against a warming server, or always after the same one.
 */
export async function runRounds(runners: Record<string, Runner>, options: RoundOptions): Promise<RoundSamples> {
  const { rounds, calls = 100, concurrency = 8, warmUp = 16 } = options;
  const round = async (run: Runner): Promise<{ rate: number; cpu: number }> => {
    await burst(run, warmUp, concurrency);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await burst(run, calls, concurrency);
    const cpu = process.cpuUsage(cpuStart);
    return { rate: calls / ((performance.now() - start) / 1000), cpu: (cpu.user + cpu.system) / calls };
  };
  const empty = (): Record<string, number[]> => Object.fromEntries(Object.keys(runners).map((name) => [name, []]));
  const samples: RoundSamples = { rates: empty(), cpu: empty() };
  for (const run of Object.values(runners)) await round(run); // warm up
  const sequence = orders(Object.keys(runners));
  for (let i = 0; i < rounds; i++) {
    for (const name of sequence[i % sequence.length] ?? []) {
      const run = runners[name];
      if (run === undefined) continue;
      const { rate, cpu } = await round(run);
      samples.rates[name]?.push(rate);
      samples.cpu[name]?.push(cpu);
    }
  }
  return samples;
}

/**
 * Each round's sample of `name` over the same round's sample of `baseline`: this machine's speed drifts by tens of
 * percent within a minute, so a ratio pairs moments apart, and the median is taken across rounds.
 */
export const perRound = (samples: Record<string, number[]>, name: string, baseline: string): number[] =>
  (samples[name] ?? []).map((value, i) => value / (samples[baseline]?.[i] ?? Number.NaN));

/**
 * A detail line of the CPU time per call: each runner's median, and `name`'s speed against `baseline` by it (per
 * round, the baseline's CPU per call over the runner's, then the median), with `control` measured the same way.
 */
export function cpuDetail(cpu: Record<string, number[]>, name: string, baseline: string, control: string): string {
  const speed = (runner: string): number => median(perRound(cpu, baseline, runner));
  const each = Object.entries(cpu)
    .map(([runner, values]) => `${runner} ${median(values).toFixed(1)} µs`)
    .join(', ');
  return `CPU time of this process per call (medians): ${each}; ${name} / ${baseline} by CPU ${speed(name).toFixed(3)}× (control ${control} ${speed(control).toFixed(3)}×), which the loaded machine moves less than the wall clock`;
}

/** The loopback API in its own process (serving must not share the client's event loop), and its base URL. */
export async function startLoopbackServer(): Promise<{ base: string; stop: () => void }> {
  const server = fork(new URL('./loopback-server.mjs', import.meta.url));
  const port = await new Promise<number>((resolve) => server.once('message', (message) => resolve(Number(message))));
  return { base: `http://127.0.0.1:${port}`, stop: () => server.disconnect() };
}

const percentile = (values: readonly number[], share: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? Number.NaN;

/** How much more a runner costs per call than its baseline: the median of the call-by-call differences, and their quartiles. */
export interface CostOver {
  median: number;
  low: number;
  high: number;
}

/**
 * Microseconds per call of each runner beside its baseline, the calls alternated one by one (the order reversed every
 * other time) and each timed alone: the difference is taken call by call, then its median. On a machine shared with
 * other work, a batch of calls catches pauses (a preemption, a collection) unevenly and its total drifts by tens of
 * percent within a second; two calls microseconds apart see the same machine, and a pause inside one call is an
 * outlier the median leaves out. Every few calls the event loop turns: the platform's own clean-ups (finalizers,
 * timers) run there, as they would between real calls, instead of piling up over the run.
 */
export async function costPerCall(
  runners: Record<string, Runner>,
  baselines: Record<string, string>,
  calls: number,
): Promise<{ medians: Record<string, number>; over: Record<string, CostOver> }> {
  const names = Object.keys(runners);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < 2000; i++) for (const name of names) await (runners[name] as Runner)(); // warm up
  for (let i = 0; i < calls; i++) {
    for (const name of i % 2 === 0 ? names : [...names].reverse()) {
      const start = performance.now();
      await (runners[name] as Runner)();
      times[name]?.push((performance.now() - start) * 1000);
    }
    if (i % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const over = Object.fromEntries(
    Object.entries(baselines).map(([name, baseline]) => {
      const differences = (times[name] ?? []).map((value, i) => value - (times[baseline]?.[i] ?? Number.NaN));
      return [name, { median: percentile(differences, 0.5), low: percentile(differences, 0.25), high: percentile(differences, 0.75) }];
    }),
  );
  return { medians: Object.fromEntries(names.map((name) => [name, percentile(times[name] ?? [], 0.5)])), over };
}
