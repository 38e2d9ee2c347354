import { spawn } from 'node:child_process';
import type { Engine } from '../../src/cors/index.js';

// The built `crosswise` binary (test/global-build.ts builds dist/ first), spawned as a user runs it, under the Node that
// runs the tests: one helper for every CLI test file.

/** How a run of the binary ended: its exit code (null when killed), its output, and how long it took. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Options of one run: standard input, extra environment, and a kill deadline that turns a hang into a failed assertion. */
export interface CliOptions {
  input?: string;
  env?: Record<string, string>;
  killAfterMs?: number;
}

/** Runs `crosswise ...args` and resolves when it exits, whatever its exit code. */
export function crosswise(args: readonly string[], { input, env, killAfterMs = 20_000 }: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/cli.js', ...args], env === undefined ? {} : { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const kill = setTimeout(() => child.kill(), killAfterMs);
    child.on('close', (status) => {
      clearTimeout(kill);
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
    child.stdin.end(input);
  });
}

/**
 * `crosswise ...args` through the CLI's main() in this process, with its output as the binary prints it (a line per
 * write): the command's answers without a Node start per run (~70 ms of CPU each, ~120 runs in server-config-servers).
 * For tests whose subject is what a command answers; the binary's own process (exit codes, streams, stdin) is what
 * `crosswise()` tests.
 */
export async function crosswiseInProcess(args: readonly string[]): Promise<CliRun> {
  // Loaded on first use: the files that only spawn the binary need not load the CLI's source at all.
  const { main } = await import('../../src/cli/main.js');
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  const status = await main(
    args,
    (text) => (stdout += `${text}\n`),
    (text) => (stderr += `${text}\n`),
  );
  return { status, stdout, stderr, ms: performance.now() - started };
}

/**
 * The `verdict` section of `crosswise probe`'s text report, engine by engine: what follows the engine's name, e.g.
 * `{ chromium: 'allowed, preflight cached 600 s', firefox: 'denied at the preflight' }`.
 */
export function probeVerdicts(stdout: string): Partial<Record<Engine, string>> {
  const lines = stdout.split('\n');
  const start = lines.indexOf('verdict');
  if (start === -1) throw new Error(`no verdict section in:\n${stdout}`);
  const verdicts: Partial<Record<Engine, string>> = {};
  for (const line of lines.slice(start + 1)) {
    const [, engine, verdict] = /^ {2}(standard|chromium|firefox|webkit)\s+(.+)$/.exec(line) ?? [];
    if (engine === undefined || verdict === undefined) break;
    verdicts[engine as Engine] = verdict;
  }
  return verdicts;
}

/** The same verdict for all four engines, to compare with probeVerdicts(). */
export const everyEngine = (verdict: string): Record<Engine, string> => ({
  standard: verdict,
  chromium: verdict,
  firefox: verdict,
  webkit: verdict,
});

/** Runs `crosswise probe <url> --origin <origin> ...flags`. */
export const probe = (url: string, origin: string, ...flags: string[]): Promise<CliRun> =>
  crosswise(['probe', url, '--origin', origin, ...flags]);
