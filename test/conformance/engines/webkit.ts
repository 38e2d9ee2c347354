import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { requireBrowser } from '../../../scripts/browsers.mjs';
import { type EngineDriver, launchWithRetry } from './driver.js';

// WebKitGTK's MiniBrowser through WebKitWebDriver (classic W3C WebDriver over HTTP). MiniBrowser has no
// headless mode, so the driver runs under xvfb-run; its process group is killed on close. scripts/browsers.mjs finds each
// binary (MiniBrowser lives in the machine's multiarch library folder).

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Bounded, so a hung driver fails the test and still gets killed on close.
async function command(base: string, method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method,
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as { value: Record<string, unknown> };
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

export function launchWebKit(): Promise<EngineDriver> {
  return launchWithRetry('WebKitGTK', startWebKit);
}

async function startWebKit(): Promise<EngineDriver> {
  const port = await freePort();
  const [xvfbRun, driver, miniBrowser] = [requireBrowser('xvfbRun'), requireBrowser('webkitDriver'), requireBrowser('miniBrowser')];
  const child = spawn(xvfbRun, ['-a', driver, `--port=${port}`], { detached: true, stdio: 'ignore' });
  const kill = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await command(base, 'GET', '/status').then(
        (value) => value['ready'] === true,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const session = await command(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] } } },
    });
    const id = String(session['sessionId']);
    const capabilities = (session['capabilities'] ?? {}) as Record<string, unknown>;
    return {
      engine: 'webkit',
      version: `WebKitGTK ${String(capabilities['browserVersion'] ?? 'unknown')}`,
      open: async (url) => void (await command(base, 'POST', `/session/${id}/url`, { url }, 120_000)),
      close: async () => {
        await command(base, 'DELETE', `/session/${id}`, undefined, 10_000).catch(() => undefined);
        kill();
      },
    };
  } catch (error) {
    kill();
    throw error;
  }
}
