import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWebKitWithConsole, type ConsoleDriver } from '../conformance/engines/webkit-console.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectMatrix } from './matrix-session.js';
import { SCENARIOS } from './scenarios.js';

// The diagnosis matrix (matrix-session.ts) in WebKitGTK with its console captured, as matrix.browser.test.ts captures
// Chromium's: what WebKit's console says for each misconfiguration, for docs/troubleshooting.md. WebKitWebDriver exposes
// no console, so MiniBrowser runs without it (webkit-console.ts says why and how).
const servers = useTwoOrigins();
let browser: ConsoleDriver;

beforeAll(async () => {
  serveModules(servers.page);
  browser = await launchWebKitWithConsole();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The console lines about one scenario's cold call. WebKit writes two per refused call: the reason (`CONSOLE SECURITY
 * ERROR …`), then `CONSOLE JS ERROR Fetch API cannot load <url> due to access control checks.`, which names the URL.
 */
function linesFor(lines: readonly string[], scenario: string): string[] {
  const at = lines.findIndex((line) => line.includes(`/s/${scenario}/cold/`));
  if (at === -1) return [];
  let first = at;
  while (first > 0 && (lines[first - 1] ?? '').startsWith('CONSOLE SECURITY ')) first--;
  return lines.slice(first, at + 1);
}

describe('what WebKit’s console says on fifteen misconfigurations', () => {
  it('every refused call leaves its reason and the URL; a server that is down leaves nothing', async () => {
    const { figures, outcomes } = await expectMatrix(servers, browser.open, browser.version);
    const consoleLines = browser.consoleLines();
    const perScenario = Object.fromEntries(SCENARIOS.map(({ name }) => [name, linesFor(consoleLines, name)]));
    for (const [name, lines] of Object.entries(perScenario)) console.log(`${browser.version} ${name}:\n  ${lines.join('\n  ')}`);
    writeFileSync(
      join(tmpdir(), 'crosswise-diagnosis-webkit.json'),
      JSON.stringify({ version: browser.version, figures, perScenario, consoleLines, outcomes }, null, 2),
    );
    for (const [name, lines] of Object.entries(perScenario)) {
      if (name === 'server-down') expect(lines, name).toEqual([]);
      else {
        expect(lines, name).toHaveLength(2);
        expect(lines[0], name).toMatch(/^CONSOLE SECURITY ERROR /);
        expect(lines[1], name).toMatch(/^CONSOLE JS ERROR Fetch API cannot load .* due to access control checks\.$/);
      }
    }
  });
});
