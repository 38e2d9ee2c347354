// `npm run bench`: every benchmark in one run, one table; each ratio is measured against a baseline taken in the
// same run, so machines and moments compare. `-- --write` records the run in docs/performance.md. Exits 1 when a
// row misses its target.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchClient, benchClientOverhead } from './client.bench.js';
import { benchFetch, benchFetchOwnWork } from './fetch.bench.js';
import { benchJsonp } from './jsonp.bench.js';
import { benchPredict, benchPredictCases, casesSection } from './predict.bench.js';
import { figure, meets, type BenchRow } from './row.js';

const BENCHES: Record<string, () => Promise<BenchRow | BenchRow[]>> = {
  predict: benchPredict,
  client: benchClient,
  clientOverhead: benchClientOverhead,
  fetch: benchFetch,
  fetchOwnWork: benchFetchOwnWork,
  jsonp: benchJsonp,
  // Issue 15's four calls, in Node and in Chromium: a table of their own in docs/performance.md.
  cases: benchPredictCases,
};
const ROW_MARK = 'bench-row-json:';

// Each benchmark runs in a process of its own: run after the others in one process, a stubbed call of ky cost 43.7 µs
// instead of 22.2 µs (the heap the earlier rows left), and the client's own work over it read 4.59 µs instead of 2.23.
const only = process.argv.indexOf('--only');
if (only !== -1) {
  const rows = await (BENCHES[process.argv[only + 1] ?? ''] ?? (() => Promise.reject(new Error('unknown benchmark'))))();
  console.log(`${ROW_MARK}${JSON.stringify(rows)}`);
  process.exit(0);
}

function runAlone(name: string): BenchRow[] {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--only', name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = child.stdout.split('\n');
  const line = lines.find((text) => text.startsWith(ROW_MARK));
  for (const text of lines) if (text !== '' && text !== line) console.log(text);
  if (child.status !== 0 || line === undefined) throw new Error(`benchmark ${name} failed (exit ${child.status})`);
  // JSON has no NaN: a skipped row's ratio comes back as null.
  const parsed = JSON.parse(line.slice(ROW_MARK.length)) as BenchRow | BenchRow[];
  return (Array.isArray(parsed) ? parsed : [parsed]).map((row) => ({ ...row, ratio: row.ratio ?? Number.NaN }));
}

const rows: BenchRow[] = [];
for (const name of Object.keys(BENCHES).filter((each) => each !== 'cases')) {
  for (const row of runAlone(name)) {
    for (const detail of row.details) console.log(`${row.name}: ${detail}`);
    rows.push(row);
  }
}
const caseRows = runAlone('cases');
console.log(casesSection(caseRows));

const header = ['benchmark', 'measured', 'baseline', 'ratio', 'target', 'verdict'];
const cells = rows.map((row) => [
  row.name,
  row.measured,
  row.baseline,
  row.skipped === undefined ? figure(row, row.ratio) : '-',
  row.unit === undefined ? `${row.target.op} ${row.target.value}×` : `${row.target.op} ${row.target.value} ${row.unit}`,
  row.skipped === undefined ? (meets(row) ? 'OK' : 'MISSED') : `skipped: ${row.skipped}`,
]);
const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => (cell[i] ?? '').length)));
const line = (cell: string[]): string => `| ${cell.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ')} |`;
const table = [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');

const version = (name: string): string =>
  (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}, ky ${version('ky')}, fetch-jsonp ${version('fetch-jsonp')}`;
console.log(`\n${machine}\n\n${table}`);

if (process.argv.includes('--write')) {
  const doc = `# Performance

<!-- Written by \`npm run bench -- --write\` from a real run; run it again to update. -->

Each row compares crosswise with what it stands beside, both measured in the same run (alternating rounds, medians
of per-round ratios), so the ratio holds across machines even when the absolute figures do not.

Run on ${new Date().toISOString().slice(0, 10)}: ${machine}.

${table}

${rows.flatMap((row) => row.details.map((detail) => `- ${row.name}: ${detail}`)).join('\n')}

## predictCors per call, in Node and in Chromium

Issue 15's four everyday calls, each timed against \`new Request()\` for the same arguments in the same runtime (the built
\`dist/cors.js\`; in Chromium a cross-origin-isolated loopback page, predicting with the page's own origin and engine).
\`tsx bench/predict.bench.ts --write\` reruns this table alone.

${casesSection(caseRows)}

## What each row measures

Every row times the built package (\`dist/\`, which \`npm run bench\` builds first), as an app loads it: timed from
source under tsx, crosswise paid esbuild's keepNames (a \`__name()\` call per named closure made per call, ~0.7 µs of
the client's own work per call) that ky and the built package do not. Each benchmark runs in a process of its own: after the
other rows in one process, a stubbed ky call cost twice as much (43.7 µs instead of 22.2 µs) and the client's own
work over it read 4.59 µs instead of 2.23 µs.

- **predictCors vs \`new Request()\`**: the cost of a prediction next to the cost of building the Request the browser
  builds anyway, over every shape of the conformance matrix that the platform accepts. Target ≤ 0.5×.
- **client vs ky**: \`api.get(...).json()\` against \`ky.get(...).json()\` with the same ky options, on a loopback
  server in its own process, 8 calls in flight. Bare \`fetch\` is shown for scale. Target ≥ 0.98×: predicting each
  call (memoized per request shape) must not cost a client its speed. Each round opens with untimed calls and the
  runners take every order in turn, and a second, identical ky runs beside the first as a control: its ratio shows
  what the method itself reads into a result (ideally 1.000; the target means something only when the control is
  within ±1%).
- **client over ky per preflighted call (stub)**: the client's own work, apart from the network: the same preflighted
  \`api.get\` and \`ky.get\` over a \`fetch\` stub that answers at once, the two alternated call by call, each call
  timed alone; the median of the call-by-call differences, with their quartiles (a simple call's beside it). Target
  ≤ 3 µs. What is in it: the wrapper of the promise ky returns, which diagnoses a failed call (~0.1 µs; it replaced a
  \`beforeError\` hook, which ky merges into every call's options: 1.2–1.4 µs measured against a ky without one), the
  transport's own async step (~0.4 µs), the memoized
  prediction found for ky's fresh \`Request\` (reading its URL, headers and modes: ~1 µs under Node's undici), and
  the rest (the facts kept on the request and the response, the stats, the warning already given). Before
  2026-12-02's change the warning key, the uncovered causes and the stats' preflight-cache keys were rebuilt on every
  preflighted call: measured by the same method beside the old code in one process, 9.8 and 10.6 µs in two runs,
  against 4.5 and 4.7 µs after. The figure moves with the machine's load, ky's own calls with it (ky took 19–36 µs per
  call in runs of the same day).
- **createFetch() vs fetch**: \`crosswise/fetch\`'s fetch against Node's bare \`fetch\` on the same loopback server,
  8 calls in flight, every order of the runners in turn, with bare fetch run twice as the A/A control. Target ≥ 0.98×.
- **createFetch own work per call (stub)**: measured like the client's, against the stub called directly, for a
  repeated URL and a repeated \`Request\` built afresh for every call (the shape openapi-fetch and axios call with;
  building it is the caller's cost, on both sides); the row shows the larger. Target ≤ 2 µs. undici builds a
  \`Request\` in ~2–15 µs, so a repeated plain call that passed every check once is sent as it came, without one.
- **loadJsonp vs fetch-jsonp**: the built \`crosswise/jsonp\` against fetch-jsonp in one headless Chromium page,
  loading from a legacy JSONP server on another loopback origin, 8 loads in flight, every loader first, second and
  last in turn. Target ≥ 0.95×: cleaning up on every way out must not cost speed. A second fetch-jsonp runs as a
  control: its ratio is the method's own bias.

This machine is shared (2 cores, other work running beside the benchmark) and its speed drifts within a minute;
single rounds vary by tens of percent (see the per-round spreads above), which is why rounds alternate, ratios are
taken per round and per call, and medians are reported with their spread. Runs repeated minutes apart differ by more
than one run's spread: a row at the edge of its target may land either side of it on another run. Three quiet runs in a
row on 2026-12-02 just before the one above (Node 24, load average about 1) gave: client vs ky 0.965×, 0.956×,
0.956× (controls 1.001×, 1.000×, 0.976×); client over ky per preflighted call 2.03, 2.29, 2.27 µs; createFetch vs fetch
0.986×, 1.010×, 0.998×; loadJsonp vs fetch-jsonp 0.962×, 0.922×, 0.903× (controls 1.043×, 0.997×, 0.973×), then,
with the script put in \`<head>\` instead of \`<html>\` (no style recalculation per load), 0.994×, 0.994×, 1.004×,
0.983×, 0.981× (controls 1.045×, 0.991×, 0.959×, 0.980×, 0.995×) in five runs of that row alone, and the run above
(0.915×, control 1.039×): the row's 24 rounds swing that much. The old and the new loader side by side in one page
read +2.4% and +3.7%, inside that page's own noise (docs/jsonp.md#size); 5 custom
headers in Node 0.560×, 0.546×, 0.547×; a Request input in Node 0.513×, 0.539×, 0.518×, in Chromium 0.475×, 1.406×,
0.491× (\`new Request(request)\` itself took 2.25–7.80 µs there).

Where the client's loopback gap is: the built client with one part switched off at a time, CPU time per call against ky
in one process (five runs of 240–500 rounds, 2026-12-02; the A/A control read 0.98–1.05 in them, so each figure is
±2–3%): the full client 0.92–0.98×; without the wrapper that diagnoses a failed call 0.95–0.99×; with the transport
reduced to sending (no prediction, policy or record; two runs) 0.975–0.997×; both off 1.010–1.021× (one run). Per preflighted call over a stub, the client allocates 2.85 KB more than ky (V8's sampling heap profiler,
20,000 calls): the wrapper 1.24 KB (its six readers 0.8 KB), the transport 1.05 KB (the prediction found again for ky's
fresh Request 0.65 KB, most of it undici sorting and copying the header list to be compared). Both parts are features:
the wrapper turns a network failure into a diagnosed CorsError after ky's retries and the caller's \`beforeError\`
hooks; the lookup is what lets every call be predicted and warned about.
`;
  writeFileSync(new URL('../docs/performance.md', import.meta.url), doc);
  console.log('wrote docs/performance.md');
}
if ([...rows, ...caseRows].some((row) => row.skipped === undefined && !meets(row))) process.exitCode = 1;
