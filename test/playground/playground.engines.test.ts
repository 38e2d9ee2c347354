import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../../examples/demo/server.js';
import { PLAYGROUND_PATH, servePlayground } from '../../examples/playground/serve.js';
import { OTHER_ENGINES, useEngine } from '../conformance/engines/use-engine.js';

// The playground in Firefox ESR and WebKitGTK, as playground.browser.test.ts uses it in Chromium. These drivers can
// only open a URL, so the page drives itself: the test serves the playground with one more module that types into
// the form, presses "Run it", reads what the page shows and reports it back to the page origin.

interface Observed {
  typed: { verdict: string; acrh: string; reasons: string[]; cache: Record<string, string> };
  /** The ACRH line for a repeated header under each engine's rules, and under the one the page detected. */
  repeated: Record<string, string>;
  detectedLabel: string;
  modern: Run;
  broken: Run;
  markup: { images: number; xss: boolean; reasons: string };
}
interface Run {
  prediction: string;
  outcome: string;
  agreement: string;
}

// Runs in the page, after the playground's own module (module scripts run in document order).
const DRIVER = (api: string): string => `
const form = document.getElementById('request');
const text = (selector) => document.querySelector(selector)?.textContent ?? '';
const until = async (ready, what) => {
  for (const started = Date.now(); !ready(); await new Promise((resolve) => setTimeout(resolve, 25))) {
    if (Date.now() - started > 15000) throw new Error('the playground never showed ' + what);
  }
};
const type = (fields) => {
  for (const [name, value] of Object.entries(fields)) {
    form.elements.namedItem(name).value = value;
    form.elements.namedItem(name).dispatchEvent(new Event('input', { bubbles: true }));
  }
};
const run = async () => {
  document.getElementById('run').click();
  await until(() => document.getElementById('run-section').dataset.state === 'done', 'a finished run');
  return { prediction: text('#run-prediction'), outcome: text('#run-outcome'), agreement: text('#run-agreement') };
};
const send = (kind, value) => fetch('/_driven/report?' + new URLSearchParams({ kind, value: JSON.stringify(value) }));
addEventListener('error', (event) => void send('error', String(event.message)));
addEventListener('unhandledrejection', (event) => void send('error', 'unhandled rejection: ' + String(event.reason)));
try {
  await until(() => text('#verdict-kind') !== '', 'a verdict');
  type({ engine: 'chromium', url: '${api}/modern/items/1', method: 'PUT', headers: 'Authorization: Bearer demo\\nX-Request-Id: 42', bodyType: 'json', body: '{"name":"astrolabe"}', credentials: 'include', maxAge: '86400' });
  const typed = {
    verdict: text('#verdict-kind'),
    acrh: text('#acrh'),
    reasons: [...document.querySelectorAll('#reasons [data-code]')].map((item) => item.getAttribute('data-code')),
    cache: Object.fromEntries([...document.querySelectorAll('#cache tr[data-engine]')].map((row) => [row.dataset.engine, row.textContent])),
  };
  type({ url: '${api}/modern/items', method: 'GET', headers: 'X-Request-Id: 1\\nX-Request-Id: 2', bodyType: 'none', body: '' });
  const repeated = {};
  for (const engine of ['chromium', 'firefox', 'webkit', 'detected']) {
    type({ engine });
    repeated[engine] = text('#acrh');
  }
  const detectedLabel = form.elements.namedItem('engine').selectedOptions[0].textContent;
  type({ engine: 'detected', url: '${api}/modern/items/1', method: 'PUT', headers: 'Authorization: Bearer demo', bodyType: 'json', body: '{"name":"astrolabe"}', credentials: 'include', cors: 'warn' });
  const modern = await run();
  type({ url: '${api}/broken/items/1', maxAge: 'one day' });
  const broken = await run();
  type({ headers: 'X-Note: <img src=x onerror="window.xss=1">\\n<img src=x onerror="window.xss=2">: 1' });
  await new Promise((resolve) => setTimeout(resolve, 200)); // time for an injected image to fire its onerror
  const markup = { images: document.querySelectorAll('#results img').length, xss: 'xss' in window, reasons: text('#reasons') };
  await send('result', { typed, repeated, detectedLabel, modern, broken, markup });
} catch (error) {
  await send('error', String(error));
}
`;

describe.each(OTHER_ENGINES)('the playground in $name', ({ engine, launch }) => {
  let servers: DemoServers;
  const browser = useEngine(launch);
  const errors: string[] = [];
  let observed: Promise<Observed>;

  beforeAll(async () => {
    if (!existsSync('dist/cors.js')) throw new Error('no dist/: run `npm run build` (the page imports the built package)');
    servers = await startDemoServers();
    servePlayground(servers);
    const html = await (await fetch(`${servers.pageOrigin}${PLAYGROUND_PATH}`)).text();
    servers.page('/_driven/', () => ({
      status: 200,
      body: html.replace('</body>', `<script type="module">${DRIVER(servers.apiOrigin)}</script></body>`),
    }));
    observed = new Promise<Observed>((resolve, reject) => {
      servers.page('/_driven/report', (_, url) => {
        const value = JSON.parse(url.searchParams.get('value') ?? 'null') as unknown;
        if (url.searchParams.get('kind') === 'result') resolve(value as Observed);
        else {
          errors.push(String(value));
          reject(new Error(`the page failed: ${errors.join(' | ')}`));
        }
        return { status: 204, body: '' };
      });
    });
    observed.catch(() => undefined); // awaited by the test; a page that fails before then must not go unhandled
  });
  afterAll(() => servers?.close());

  it('shows the verdict, the engines apart, and runs against the modern and the misconfigured API', { timeout: 120_000 }, async () => {
    await browser.open(`${servers.pageOrigin}/_driven/`);
    const seen = await observed;
    const label = browser.label();
    console.log(`playground in ${label}: modern run "${seen.modern.agreement}"; broken run "${seen.broken.agreement}"`);

    expect(seen.typed.verdict).toBe('preflight');
    expect(seen.typed.acrh).toBe('authorization,content-type,x-request-id');
    expect(seen.typed.reasons).toEqual([
      'method_not_safelisted',
      'header_not_safelisted',
      'header_not_safelisted',
      'header_not_safelisted',
    ]);
    expect(seen.typed.cache['chromium']).toContain('7,200 s');
    expect(seen.typed.cache['firefox']).toContain('86,400 s');
    expect(seen.typed.cache['webkit']).toContain('600 s');

    // The page detects the engine it runs in, and shows that engine's rules (Firefox lists a repeated header twice).
    expect(seen.detectedLabel.toLowerCase()).toContain(engine === 'firefox' ? 'firefox' : 'webkit');
    expect(seen.repeated['firefox']).toBe('x-request-id,x-request-id');
    expect(seen.repeated['chromium']).toBe('x-request-id');
    expect(seen.repeated['detected']).toBe(seen.repeated[engine]);

    expect(seen.modern.prediction).toBe(`preflight [authorization,content-type] (${engine}'s rules)`);
    expect(seen.modern.outcome).toBe('200 {"ok":true,"method":"PUT"}');
    expect(seen.modern.agreement).toBe(
      'Predicted: an OPTIONS preflight first. The server saw 2 request(s), 1 of them OPTIONS: as predicted.',
    );

    expect(seen.broken.outcome).toMatch(
      /^CorsError PUT http:\/\/127\.0\.0\.1:\d+\/broken\/items\/1\?_probe=[\w-]+ was blocked by CORS: the preflight \(OPTIONS\) answer has Access-Control-Allow-Origin: \*, which a credentialed call never accepts \(confirmed\)/,
    );
    expect(seen.broken.outcome).toContain(
      `confirmed the preflight's Access-Control-Allow-Methods does not list PUT (the server sent "GET, POST")`,
    );
    expect(seen.broken.agreement).toBe(
      'Predicted: an OPTIONS preflight first. The server saw 1 request(s), 1 of them OPTIONS: as predicted.',
    );

    expect(seen.markup.reasons).toContain('`<img src=x onerror="window.xss=2">` is not a valid header name');
    expect(seen.markup).toMatchObject({ images: 0, xss: false });
    expect(errors).toEqual([]);
  });
});
