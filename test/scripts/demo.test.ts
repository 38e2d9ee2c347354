import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A second `npm run demo -- --serve` must say the port is taken at once, before any set-up or build.
const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
let taken: Server;
let port: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const address = taken.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
});

describe('scripts/demo.mjs --serve', () => {
  it('on a taken port: exit 1 within a few seconds, naming the port and a free alternative, nothing built', async () => {
    const started = Date.now();
    const outcome = await run(process.execPath, ['scripts/demo.mjs', '--serve', `--port=${port}`], { cwd: root, timeout: 10_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code,
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe(
      `crosswise demo: port ${port} on 127.0.0.1 is already in use (another \`npm run demo -- --serve\`?). Stop it, or serve elsewhere: npm run demo -- --serve --port=${port + 10}\n`,
    );
    expect(outcome.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
