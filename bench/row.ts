import { existsSync } from 'node:fs';

// One row of `npm run bench`'s table (a measurement beside its baseline, both taken in the same run), and what the benches share: the figures' arithmetic and the built package they time.
export interface BenchRow {
  /** What is measured, e.g. `predictCors vs new Request()`. */
  name: string;
  /** The measured side and the baseline, each with its unit. */
  measured: string;
  baseline: string;
  /** measured / baseline, where larger or smaller is better as `target` says; or an amount in `unit`. */
  ratio: number;
  /** Set when `ratio` and the target are an amount (e.g. microseconds of a call's own work), not a ratio. */
  unit?: 'µs';
  target: { op: '<=' | '>='; value: number };
  /** Whether the row could run here at all (e.g. Chromium missing). */
  skipped?: string;
  /** What else the run measured, one line each (spreads, the baseline's siblings, versions). */
  details: string[];
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export const meets = (row: BenchRow): boolean => (row.target.op === '<=' ? row.ratio <= row.target.value : row.ratio >= row.target.value);

/** The ratio column's and the target column's text: `0.982×`, or `2.41 µs` for a row with a unit. */
export const figure = (row: BenchRow, value: number, digits = 3): string =>
  row.unit === undefined ? `${value.toFixed(digits)}×` : `${value.toFixed(2)} ${row.unit}`;

/** The built package, which every row times (`npm run bench` builds it first). */
export const BUILT = new URL('../dist/', import.meta.url);

/** The built entries a bench loads in Node, by file, with the types of their sources. */
interface BuiltEntries {
  'index.js': typeof import('../src/index.js');
  'fetch.js': typeof import('../src/fetch/index.js');
  'cors.js': typeof import('../src/cors/index.js');
}

/**
 * A built entry, as an app's Node process loads it. Not the source: tsx compiles it with esbuild's keepNames, which
 * adds a `__name()` call for every named closure made per call, a cost no app pays.
 */
export async function loadBuilt<File extends keyof BuiltEntries>(file: File): Promise<BuiltEntries[File]> {
  const url = new URL(file, BUILT);
  if (!existsSync(url)) throw new Error(`no dist/${file}: run \`npm run build\` first`);
  return (await import(url.href)) as BuiltEntries[File];
}
