// Measures how long each real engine keeps a preflight, to check the caps in src/cors/engines.ts (maxAgeCap):
// per URL, a preflighted call, then the same call `after` seconds later; the API counts the OPTIONS it sees (1: the
// preflight was still cached; 2: it had expired). Run: npx tsx scripts/measure-max-age.ts [--long]
// Without --long it takes ~10 s per engine; --long adds 590 s and 610 s probes (WebKit's 10-minute cap) and takes ~11 min.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../test/conformance/engines/chromium.js';
import type { EngineDriver } from '../test/conformance/engines/driver.js';
import { launchFirefox } from '../test/conformance/engines/firefox.js';
import { launchWebKit } from '../test/conformance/engines/webkit.js';

interface Probe {
  maxAge: string;
  after: number;
}

const SHORT: Probe[] = [
  { maxAge: '3', after: 6 }, // honoured: expired after 6 s
  { maxAge: '30', after: 6 }, // honoured: still cached
  { maxAge: '86400', after: 6 }, // above every cap: clamped, not dropped
];
const LONG: Probe[] = [
  { maxAge: '3600', after: 590 },
  { maxAge: '3600', after: 610 },
];

const listen = (handler: (request: IncomingMessage, response: ServerResponse) => void, host?: string): Promise<number> =>
  new Promise((ready) => {
    const server = createServer(handler);
    server.listen(0, host, () => ready((server.address() as AddressInfo).port));
  });

async function measure(launch: () => Promise<EngineDriver>, probes: Probe[]): Promise<string[]> {
  const options = new Map<string, number>();
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  // The API on a host name (Firefox drops cached preflights of IP-literal hosts on its first DNS look-ups).
  const apiPort = await listen((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const origin = request.headers.origin ?? '*';
    if (request.method === 'OPTIONS') {
      options.set(path, (options.get(path) ?? 0) + 1);
      const maxAge = path.split('/')[2] ?? '';
      response
        .writeHead(204, {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Headers': 'x-probe',
          'Access-Control-Max-Age': maxAge,
        })
        .end();
      return;
    }
    response.writeHead(200, { 'Access-Control-Allow-Origin': origin }).end('ok');
  });
  const api = `http://localhost:${apiPort}`;
  const script = `const api = ${JSON.stringify(api)}; const probes = ${JSON.stringify(probes)};
const call = (path) => fetch(api + path, { headers: { 'X-Probe': '1' } }).then((r) => r.text(), (e) => String(e));
const wait = (s) => new Promise((r) => setTimeout(r, s * 1000));
await Promise.all(probes.map(async (p, i) => { const path = '/p/' + p.maxAge + '/' + i + '-' + Date.now(); await call(path); await wait(p.after); await call(path); }));
await fetch('/done', { method: 'POST' });`;
  const pagePort = await listen((request, response) => {
    if (request.url === '/done') {
      response.writeHead(204).end();
      done();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><script type="module">${script}</script>`);
  }, '127.0.0.1');
  const driver = await launch();
  try {
    await driver.open(`http://127.0.0.1:${pagePort}/`);
    await finished;
    const seen = [...options.entries()];
    return probes.map((probe, index) => {
      const count = seen.find(([path]) => path.startsWith(`/p/${probe.maxAge}/${index}-`))?.[1] ?? 0;
      return `${driver.engine} ${driver.version}: Max-Age ${probe.maxAge}, second call after ${probe.after} s: ${count} OPTIONS (${count === 1 ? 'still cached' : 'expired'})`;
    });
  } finally {
    await driver.close();
  }
}

const probes = process.argv.includes('--long') ? [...SHORT, ...LONG] : SHORT;
const results = await Promise.all(
  [launchChromium, launchFirefox, launchWebKit].map((launch) =>
    measure(launch, probes).catch((error: unknown) => [`failed: ${String(error)}`]),
  ),
);
console.log(results.flat().join('\n'));
process.exit(0);
