// loadJsonp (the built crosswise/jsonp) vs fetch-jsonp, in one real Chromium page against one loopback legacy server.
// Target: crosswise ≥ 0.95× fetch-jsonp's loads per second — cleaning up on every way out must not cost speed.
// A second, identical fetch-jsonp runs beside the first as a control: its ratio shows what the method itself reads into
// a result (per-round ratios swing ±30% on 2 cores; the target means something only when the control is near 1.000).
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/conformance/engines/chromium.js';
import { createRecordingServer } from '../test/helpers/recording-server.js';
import { createLegacyServer } from '../test/jsonp/legacy-server.js';
import { BUILT, median, type BenchRow } from './row.js';
import { perRound } from './rounds.js';

const LOADS = Number(process.env['BENCH_JSONP_LOADS'] ?? 200);
const CONCURRENCY = 8;
const ROUNDS = Number(process.env['BENCH_JSONP_ROUNDS'] ?? 24);
const JS = { 'Content-Type': 'text/javascript' };

// The page times rounds itself (performance.now() in the page), alternating the two loaders and rotating who goes first.
const PAGE = `<!doctype html><meta charset="utf-8"><script src="/fetch-jsonp.js"></script><script type="module">
import { loadJsonp } from '/jsonp.js';
const legacy = new URLSearchParams(location.search).get('legacy');
let id = 0;
const loaders = {
  crosswise: () => loadJsonp(legacy + '/data?id=' + (++id)),
  'fetch-jsonp': () => window.fetchJsonp(legacy + '/data?id=' + (++id)).then((response) => response.json()),
  'fetch-jsonp again': () => window.fetchJsonp(legacy + '/data?id=' + (++id)).then((response) => response.json()),
};
async function round(load) {
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: ${CONCURRENCY} }, async () => { while (next++ < ${LOADS}) await load(); }));
  return ${LOADS} / ((performance.now() - start) / 1000);
}
window.bench = async (rounds) => {
  for (const load of Object.values(loaders)) await round(load); // warm up
  const samples = { crosswise: [], 'fetch-jsonp': [], 'fetch-jsonp again': [] };
  const order = Object.entries(loaders);
  // Every loader goes first, second and last in turn, forwards and backwards.
  for (let i = 0; i < rounds; i++) {
    const shift = i % order.length;
    const turn = [...order.slice(shift), ...order.slice(0, shift)];
    for (const [name, load] of i % 2 === 0 ? turn : turn.reverse()) samples[name].push(await round(load));
  }
  return { samples, scripts: document.querySelectorAll('script[src*="/data"]').length };
};
</script>`;

export async function benchJsonp(): Promise<BenchRow> {
  const row = { name: 'loadJsonp vs fetch-jsonp (Chromium page)', target: { op: '>=', value: 0.95 } } as const;
  const built = new URL('jsonp.js', BUILT);
  if (!existsSync(CHROMIUM_PATH) || !existsSync(built)) {
    return {
      ...row,
      measured: '-',
      baseline: '-',
      ratio: Number.NaN,
      details: [],
      skipped: existsSync(built) ? 'no Chromium (npm test installs it)' : 'no dist/ (npm run build)',
    };
  }
  const page = await createRecordingServer();
  const legacy = await createLegacyServer();
  page.route('/bench.html', () => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: PAGE }));
  page.route('/jsonp.js', () => ({ status: 200, headers: JS, body: readFileSync(built) }));
  page.route('/fetch-jsonp.js', () => ({
    status: 200,
    headers: JS,
    body: readFileSync(new URL('../node_modules/fetch-jsonp/build/fetch-jsonp.js', import.meta.url)),
  }));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${page.origin}/bench.html?legacy=${encodeURIComponent(legacy.origin)}`);
    await tab.waitForFunction(() => 'bench' in window);
    const { samples } = await tab.evaluate(
      (rounds) => (window as unknown as { bench: (n: number) => Promise<{ samples: Record<string, number[]> }> }).bench(rounds),
      ROUNDS,
    );
    const ours = samples['crosswise'] ?? [];
    const theirs = samples['fetch-jsonp'] ?? [];
    const ratios = perRound(samples, 'crosswise', 'fetch-jsonp');
    const control = perRound(samples, 'fetch-jsonp again', 'fetch-jsonp');
    const details = [
      `Chromium ${browser.version()}; ${ROUNDS} rounds × ${LOADS} loads, ${CONCURRENCY} in flight, every order in turn; ${legacy.hits()} loads served`,
      `per-round ratio: min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`,
      `control: fetch-jsonp again / fetch-jsonp ${median(control).toFixed(3)}× (the method's own bias; ideally 1.000)`,
    ];
    return {
      ...row,
      measured: `${median(ours).toFixed(0)} loads/s`,
      baseline: `${median(theirs).toFixed(0)} loads/s`,
      ratio: median(ratios),
      details,
    };
  } finally {
    await browser.close();
    await Promise.all([page.close(), legacy.close()]);
  }
}
