// Writes docs/playground.jpg: the playground after a run against the demo's misconfigured API, as the docs show it.
// Run with `npm run docs:playground` (needs Chromium, `node scripts/setup.mjs`, and a build, which the script runs).
import { writeFileSync } from 'node:fs';
import { launchChromium } from '../examples/demo/browser-run.js';
import { startDemoServers } from '../examples/demo/server.js';
import { servePlayground } from '../examples/playground/serve.js';

const WAIT = { timeout: 15_000 };
// The ports `npm run demo -- --serve` uses, so the picture shows the URLs a reader will see.
const servers = await startDemoServers({ page: 4173, api: 4174 });
servePlayground(servers);
const browser = await launchChromium();
try {
  // Three quarters of the CSS size and a lossy format keep the file small enough for the repository.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 0.75 });
  await page.goto(`${servers.pageOrigin}/`);
  await page.waitForSelector('#verdict-kind', WAIT);
  const fields: Record<string, string> = {
    engine: 'chromium',
    url: `${servers.apiOrigin}/broken/items/1`,
    method: 'PUT',
    headers: 'Authorization: Bearer demo',
    bodyType: 'json',
    body: '{"name":"astrolabe"}',
    credentials: 'include',
    maxAge: 'one day',
  };
  for (const [name, value] of Object.entries(fields)) {
    const selector = `[name="${name}"]`;
    if ((await page.locator(selector).evaluate((element) => element.tagName)) === 'SELECT') await page.selectOption(selector, value);
    else await page.fill(selector, value);
  }
  await page.click('#run');
  await page.waitForSelector('#run-section[data-state="done"]', WAIT);
  const image = await page.screenshot({ fullPage: true, type: 'jpeg', quality: 70 });
  writeFileSync(new URL('../docs/playground.jpg', import.meta.url), image);
  console.log(`wrote docs/playground.jpg (${image.length} bytes)`);
} finally {
  await browser.close();
  await servers.close();
}
