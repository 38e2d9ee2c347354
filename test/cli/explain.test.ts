import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The real binary, built by rollup (test/global-build.ts), spawned as a user would run it.
const crosswise = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });

describe('crosswise explain', () => {
  it('prints the verdict, each reason and its fix; exit 0 when the call goes out', () => {
    const run = crosswise('explain', 'https://api.example/items', '-X', 'PUT', '-H', 'X-Token: t', '--origin', 'https://app.example');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('standard  preflight (Access-Control-Request-Headers: x-token)');
    expect(run.stdout).toContain('[method_not_safelisted]');
    // x-token carries a credential: the fix is on the server, never the URL.
    expect(run.stdout).toContain(
      'fix: keep `x-token` a header (a credential never belongs in a URL): have the server list it in Access-Control-Allow-Headers',
    );
  });

  it('--engine all shows where the engines disagree', () => {
    const run = crosswise('explain', 'https://api.example/img', '-H', 'DPR: 2', '--origin', 'https://app.example', '--engine', 'all');
    expect(run.stdout).toMatch(/chromium\s+simple/);
    expect(run.stdout).toMatch(/firefox\s+preflight/);
    expect(run.stdout).toContain('the engines disagree');
    expect(run.stdout).toContain('(standard, firefox, webkit) [header_not_safelisted]');
  });

  it('--json for scripts; --data implies POST as in curl', () => {
    const run = crosswise(
      'explain',
      'https://api.example/items',
      '--data',
      '{"a":1}',
      '-H',
      'Content-Type: application/json',
      '--origin',
      'https://app.example',
      '--json',
    );
    const prediction = JSON.parse(run.stdout) as { method: string; kind: string; unsafeHeaders: string[] };
    expect(prediction).toMatchObject({ method: 'POST', kind: 'preflight', unsafeHeaders: ['content-type'] });
  });

  it('exit 1 when the browser would refuse the call, 2 on usage errors', () => {
    expect(crosswise('explain', 'https://api.example/x', '-X', 'TRACE').status).toBe(1);
    const usage = crosswise('explain');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('a URL is required');
    expect(crosswise('explain', 'https://x.example', '--engine', 'netscape').status).toBe(2);
    expect(crosswise('explain', 'https://x.example', '-H', 'no colon').stderr).toContain("-H expects 'Name: value'");
    expect(crosswise('probe').status).toBe(2);
  });
});
