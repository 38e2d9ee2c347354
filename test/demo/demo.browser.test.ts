import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The README's main command, as a user runs it (after `npm test` built dist/): bounded in time, its output checked.
const runDemo = (): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> =>
  new Promise((resolve) => {
    const started = Date.now();
    execFile(process.execPath, ['--import', 'tsx', 'examples/demo/main.ts'], { encoding: 'utf8', timeout: 150_000 }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr, ms: Date.now() - started }),
    );
  });

describe('npm run demo', () => {
  it('runs the session in Node and in real Chromium, agrees call for call, and probes the broken API', async () => {
    const run = await runDemo();
    console.log(`demo finished in ${run.ms} ms, exit ${run.code}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    // The Node table: each column, and the outcomes that show each capability.
    expect(out).toMatch(/call\s+prediction\s+warnings\s+credentials\s+transport\s+outcome/);
    expect(out).toMatch(/GET \/modern\/items \+ Authorization\s+preflight \[authorization\]\s+header_not_safelisted\s+include\s+fetch\s+200/);
    expect(out).toMatch(/POST \/modern\/items \(json, minimize\)\s+simple\s+—\s+include\s+fetch\s+201/);
    expect(out).toMatch(/GET \/modern\/me \(cookie\)\s+simple\s+—\s+include\s+fetch\s+200 \{"user":"ada"\}/);
    expect(out).toMatch(/GET \/broken\/me \(cookie, \* origin\)\s+simple\s+—\s+include\s+fetch\s+CorsError \(likely\): the response has no Access-Control-Allow-Origin/);
    // (likely, and wrong here: /modern's credentialed calls passed on the same origin, and /broken differs by path.)
    expect(out).toMatch(/PUT \/broken\/items\/1 \(strict\)\s+preflight \[content-type\]\s+—\s+include\s+—\s+CorsPolicyError/);
    expect(out).toMatch(/GET localhost:…\/modern\/me \(include\)\s+—\s+—\s+—\s+—\s+CredentialsPolicyError/);
    expect(out).toMatch(/GET \/legacy\/user \(fallback JSONP\)\s+JSONP \(script tag\)\s+—\s+—\s+jsonp\s+200 \{"id":7/);
    // probe on the misconfigured API: what the server must change.
    expect(out).toContain('[header_not_allowed] Access-Control-Allow-Headers "content-type" does not allow authorization');
    expect(out).toContain('[wildcard_origin_with_credentials]');
    // Real Chromium, beside the prediction.
    expect(out).toMatch(/The same session in real Chromium \d+/);
    expect(out).toContain('11/11 calls: Chromium did what crosswise predicted.');
  });
});
