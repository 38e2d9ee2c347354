import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../../examples/demo/browser-run.js';
import { startDemoServers, type DemoServers } from '../../examples/demo/server.js';
import { servePlayground } from '../../examples/playground/serve.js';
import { decodePng, pixelStats } from '../helpers/png.js';

// The playground as a person uses it, in real Chromium: type a call, read the verdict, switch engines, run it
// against the demo's modern and misconfigured APIs, and look at the picture. The page imports the built dist/.

const WAIT = { timeout: 15_000 };
const SCREENSHOT = '.cache/playground/playground.png';
// Colours of playground.css that only show when the verdict badge and a failed run are on screen.
const PREFLIGHT_BADGE = [0xff, 0xf1, 0xc2] as const;
const FAILED_RUN = [0xff, 0xeb, 0xe9] as const;

let servers: DemoServers;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Types into the form as a person would: text fields filled, selects picked (each fires the page's input event). */
async function type(fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const selector = `[name="${name}"]`;
    if ((await page.locator(selector).evaluate((element) => element.tagName)) === 'SELECT') await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
}

const text = async (selector: string): Promise<string> => (await page.locator(selector).textContent(WAIT)) ?? '';
const reasonCodes = (): Promise<string[]> =>
  page.locator('#reasons [data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));

async function runIt(): Promise<void> {
  await page.click('#run');
  await page.waitForSelector('#run-section[data-state="done"]', WAIT);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no ${CHROMIUM}: run \`node scripts/setup.mjs\``);
  if (!existsSync('dist/cors.js')) throw new Error('no dist/: run `npm run build` (the page imports the built package)');
  servers = await startDemoServers();
  servePlayground(servers);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${servers.pageOrigin}/`);
  await page.waitForSelector('#verdict-kind', WAIT);
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

describe('the playground', () => {
  it('shows the verdict, every reason with its fix, the ACRH list and the journey of a typed preflighted call, live', async () => {
    await type({
      engine: 'chromium',
      url: `${servers.apiOrigin}/modern/items/1`,
      method: 'PUT',
      headers: 'Authorization: Bearer demo\nX-Request-Id: 42',
      bodyType: 'json',
      body: '{"name":"astrolabe"}',
      credentials: 'include',
      maxAge: '86400',
    });
    expect(await text('#verdict-kind')).toBe('preflight');
    expect(await text('#acrh')).toBe('authorization,content-type,x-request-id');
    expect(await reasonCodes()).toEqual([
      'method_not_safelisted',
      'header_not_safelisted',
      'header_not_safelisted',
      'header_not_safelisted',
    ]);
    const reasons = await text('#reasons');
    expect(reasons).toContain('method PUT is not GET, HEAD or POST');
    expect(reasons).toContain('fix: use POST and tunnel the method');
    expect(reasons).toContain('header `content-type` is not application/x-www-form-urlencoded, multipart/form-data or text/plain');
    expect(await text('#sent-headers')).toMatch(/authorizationBearer demo.*originhttp:\/\/127\.0\.0\.1:\d+/);
    const journey = await text('#journey');
    expect(journey).toContain('OPTIONS /modern/items/1');
    expect(journey).toContain('Access-Control-Request-Headers: authorization,content-type,x-request-id');
    expect(journey).toContain("cookies: any the browser holds for the server (credentials: 'include')");
    expect(journey).toContain('Access-Control-Allow-Credentials: true');
    // The max-age 86400 as each engine caps it.
    const cache = async (engine: string): Promise<string> => text(`#cache tr[data-engine="${engine}"]`);
    expect(await cache('chromium')).toContain('7,200 s');
    expect(await cache('firefox')).toContain('86,400 s');
    expect(await cache('webkit')).toContain('600 s');
  });

  it('shows where the engines part ways (docs/engines.md): a repeated header, a client hint', async () => {
    await type({
      url: `${servers.apiOrigin}/modern/items`,
      method: 'GET',
      headers: 'X-Request-Id: 1\nX-Request-Id: 2',
      bodyType: 'none',
      body: '',
    });
    const acrh: Record<string, string> = {};
    for (const engine of ['chromium', 'firefox']) {
      await type({ engine });
      acrh[engine] = await text('#acrh');
    }
    expect(acrh).toEqual({ chromium: 'x-request-id', firefox: 'x-request-id,x-request-id' });

    await type({ headers: 'DPR: 2', engine: 'standard' });
    expect([await text('#verdict-kind'), await text('#acrh')]).toEqual(['preflight', 'dpr']);
    await type({ engine: 'chromium' });
    expect([await text('#verdict-kind'), await reasonCodes()]).toEqual(['simple', []]);
  });

  it('runs a preflighted call against the modern API: 200, and the server saw the one OPTIONS the client predicted', async () => {
    await type({
      engine: 'detected',
      url: `${servers.apiOrigin}/modern/items/1`,
      method: 'PUT',
      headers: 'Authorization: Bearer demo',
      bodyType: 'json',
      body: '{"name":"astrolabe"}',
      credentials: 'include',
      cors: 'warn',
    });
    const stopRecording = servers.recordApi();
    await runIt();
    const seenByApi = stopRecording();
    expect(await text('#run-prediction')).toBe("preflight [authorization,content-type] (chromium's rules)");
    expect(await text('#run-outcome')).toBe('200 {"ok":true,"method":"PUT"}');
    expect(await text('#run-agreement')).toBe(
      'Predicted: an OPTIONS preflight first. The server saw 2 request(s), 1 of them OPTIONS: as predicted.',
    );
    const seen = await text('#run-result .journey');
    expect(seen).toMatch(/OPTIONS \/modern\/items\/1✓ seen by the server.*Access-Control-Request-Headers: authorization,content-type/);
    expect(seen).toContain('→ chromium caches it 600 s');
    expect(seen).toMatch(/PUT \/modern\/items\/1✓ seen by the server/);
    // The server's own log, beside the page's account: one preflight, then the call, under the run's probe id.
    expect(seenByApi.filter((entry) => entry.path.startsWith('/modern/items/1?_probe=')).map((entry) => entry.method)).toEqual([
      'OPTIONS',
      'PUT',
    ]);
  });

  it('runs it against the misconfigured API: a CorsError whose cause the dev probe confirmed, the preflight seen and the call never sent', async () => {
    // The Max-Age field follows the URL to the misconfigured API by itself.
    await type({ url: `${servers.apiOrigin}/broken/items/1` });
    expect(await page.inputValue('[name="maxAge"]')).toBe('one day');
    await runIt();
    const outcome = await text('#run-outcome');
    expect(outcome).toMatch(
      /^CorsError PUT http:\/\/127\.0\.0\.1:\d+\/broken\/items\/1\?_probe=[\w-]+ was blocked by CORS: the preflight \(OPTIONS\) answer has Access-Control-Allow-Origin: \*, which a credentialed call never accepts \(confirmed\)/,
    );
    expect(outcome).toContain(`confirmed the preflight's Access-Control-Allow-Methods does not list PUT (the server sent "GET, POST")`);
    expect(outcome).toContain(
      `confirmed the preflight's Access-Control-Allow-Headers does not list authorization (the server sent "content-type")`,
    );
    expect(await text('#run-agreement')).toBe(
      'Predicted: an OPTIONS preflight first. The server saw 1 request(s), 1 of them OPTIONS: as predicted.',
    );
    const seen = await text('#run-result .journey');
    expect(seen).toContain('204✕ the browser stops here');
    expect(seen).toContain('access-control-allow-origin: *');
    expect(seen).toContain('PUT /broken/items/1not sentnever sent: the browser stopped at the preflight');
  });

  it('renders typed markup as text', async () => {
    await type({ headers: 'X-Note: <img src=x onerror="window.xss=1">\n<img src=x onerror="window.xss=2">: 1' });
    expect(await text('#reasons')).toContain('`<img src=x onerror="window.xss=2">` is not a valid header name');
    expect(await page.locator('#results img').count()).toBe(0);
    expect(await page.evaluate(() => 'xss' in window)).toBe(false);
    await type({ headers: 'Authorization: Bearer demo' });
  });

  it('looks like it should: a screenshot of the verdict and the failed run, checked pixel by pixel', async () => {
    await page.waitForSelector('#run-section[data-state="stale"]', WAIT);
    await runIt();
    const shot = await page.screenshot({ fullPage: true });
    mkdirSync('.cache/playground', { recursive: true });
    writeFileSync(SCREENSHOT, shot);
    const png = decodePng(shot);
    const stats = pixelStats(png);
    console.log(
      `playground screenshot ${png.width}×${png.height}, ${shot.length} bytes: luminance ${stats.mean.toFixed(0)} ± ${stats.deviation.toFixed(1)}, ${stats.colours} colours, ${stats.count(PREFLIGHT_BADGE)} badge and ${stats.count(FAILED_RUN)} failure pixels → ${SCREENSHOT}`,
    );
    expect(png.width).toBe(1280);
    expect(png.height).toBeGreaterThanOrEqual(900);
    expect(png.height).toBeLessThan(5000);
    expect(stats.deviation).toBeGreaterThan(20); // not blank: text and boxes on white
    expect(stats.colours).toBeGreaterThan(100); // anti-aliased text in several colours, not a flat fill
    expect(stats.count(PREFLIGHT_BADGE)).toBeGreaterThan(300); // the verdict badge is painted
    expect(stats.count(FAILED_RUN)).toBeGreaterThan(5_000); // and so is the diagnosed failure
    expect(pageErrors).toEqual([]);
  });

  it('the Max-Age field follows the API the URL names, and keeps an edit made for the same API', async () => {
    const maxAge = (): Promise<string> => page.inputValue('[name="maxAge"]');
    await page.selectOption('[name="preset"]', '0');
    expect(await maxAge()).toBe('600');
    await type({ url: `${servers.apiOrigin}/broken/items/1` });
    expect(await maxAge()).toBe('one day');
    expect(await text('#cache tr[data-engine="chromium"]')).toContain('“one day” is not a number of seconds');
    await type({ url: `${servers.apiOrigin}/modern/items/1` });
    expect(await maxAge()).toBe('600');
    await type({ maxAge: '30' });
    // Half a URL names no API; finishing the same API's name keeps the reader's 30.
    await type({ url: `${servers.apiOrigin}/mod` });
    await type({ url: `${servers.apiOrigin}/modern/items/2` });
    expect(await maxAge()).toBe('30');
    await type({ url: `${servers.apiOrigin}/legacy/user?id=7&callback=show` });
    expect(await maxAge()).toBe('');
    await page.selectOption('[name="preset"]', '1');
    expect(await maxAge()).toBe('one day');
  });

  it('a malformed header line: no verdict, and Run it sends nothing, both naming the line', async () => {
    await page.selectOption('[name="preset"]', '2');
    expect(await text('#verdict-kind')).toBe('simple');
    await type({ headers: 'X-Request-Id: 1\nnot a header' });
    const problem = 'header line 2 is not “Name: value”: not a header';
    expect(await text('#verdict-kind')).toBe('no verdict');
    expect(await text('#reasons')).toContain(problem);
    expect(await reasonCodes()).toEqual(['malformed_input']);
    expect(await text('#input-problems')).toBe(problem);
    expect(await text('#journey')).toContain('No journey');
    expect(await page.isDisabled('#run')).toBe(true);
    // Fixed: the verdict and the button come back.
    await type({ headers: 'X-Request-Id: 1' });
    expect([await text('#verdict-kind'), await page.isDisabled('#run'), await text('#input-problems')]).toEqual(['preflight', false, '']);
    expect(pageErrors).toEqual([]);
  });
});
