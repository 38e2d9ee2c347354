import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onPath, requireBrowser } from '../../../scripts/browsers.mjs';
import type { EngineDriver } from './driver.js';

// WebKitGTK's MiniBrowser with its console written out, for what WebKit's console says (docs/troubleshooting.md).
// WebKitWebDriver (classic WebDriver) has no console log. MiniBrowser in --automation mode, as WebKitWebDriver runs it,
// does not apply the `--enable-write-console-messages-to-stdout=true` setting given in `webkitgtk:browserOptions.args`:
// with MiniBrowser's stdout and stderr captured by a wrapper (line-buffered through stdbuf) it wrote nothing, though the
// page loaded and made its fetch (WebKitGTK 2.50.6). Started by hand with the page's URL, without --automation, it
// writes every console message, the engine's own CORS errors included, as `CONSOLE <SOURCE> <LEVEL> <text>` lines. The
// test pages report their results over HTTP, so no WebDriver is needed: each `open` starts a MiniBrowser on the URL.

export interface ConsoleDriver extends EngineDriver {
  /** Every console line MiniBrowser wrote since launch, in order. */
  consoleLines(): string[];
}

export async function launchWebKitWithConsole(): Promise<ConsoleDriver> {
  const [xvfbRun, miniBrowser] = [requireBrowser('xvfbRun'), requireBrowser('miniBrowser')];
  // A data folder of its own: no cookie, cache or preflight left from another run.
  const home = await mkdtemp(join(tmpdir(), 'crosswise-minibrowser-'));
  // It needs a display even to print its version.
  const version = spawnSync(xvfbRun, ['-a', miniBrowser, '--version'], { encoding: 'utf8', timeout: 20_000 }).stdout.trim();
  // Into a pipe, stdout is block-buffered: the lines would come only when the process exits. coreutils' stdbuf makes
  // MiniBrowser and the web process it starts (which inherits the setting) write each line at once.
  const stdbuf = onPath('stdbuf');
  const lineBuffered = stdbuf === undefined ? [] : [stdbuf, '-oL'];
  const lines: string[] = [];
  // Per stream: a line can arrive split across chunks, so the unfinished tail waits for the next one.
  const collector = (): ((chunk: Buffer) => void) => {
    let pending = '';
    return (chunk) => {
      const parts = (pending + chunk.toString('utf8')).split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter((line) => line.includes('CONSOLE ')));
    };
  };
  let child: ChildProcess | undefined;
  const kill = (): void => {
    try {
      if (child?.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    child = undefined;
  };
  return {
    engine: 'webkit',
    version: version === '' ? 'WebKitGTK unknown' : version,
    open: async (url) => {
      kill();
      child = spawn(xvfbRun, ['-a', ...lineBuffered, miniBrowser, '--enable-write-console-messages-to-stdout=true', url], {
        detached: true,
        // Read both: under xvfb-run, what MiniBrowser writes on stdout arrives on the pipe of stderr here.
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: home },
      });
      for (const stream of [child.stdout, child.stderr]) stream?.on('data', collector());
    },
    consoleLines: () => [...lines],
    close: async () => {
      kill();
      await rm(home, { recursive: true, force: true });
    },
  };
}
