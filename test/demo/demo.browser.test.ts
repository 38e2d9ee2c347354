import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The README's main command, as a user runs it (after `npm test` built dist/): bounded in time, its output checked.
const runDemo = (): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> =>
  new Promise((resolve) => {
    const started = Date.now();
    execFile(
      process.execPath,
      ['--import', 'tsx', 'examples/demo/main.ts'],
      { encoding: 'utf8', timeout: 150_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
          stdout,
          stderr,
          ms: Date.now() - started,
        }),
    );
  });

describe('npm run demo', () => {
  it('runs the session in Node and in real Chromium, agrees call for call, and probes the broken API', async () => {
    const run = await runDemo();
    console.log(`demo finished in ${run.ms} ms, exit ${run.code}`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    // Every line fits a 100-column terminal.
    expect(out.split('\n').filter((line) => line.length > 100)).toEqual([]);
    // The Node session, call by call: what the browser does, what crosswise said, what came back.
    const call = (name: string): string => out.slice(out.indexOf(name)).split('\n\n')[0] ?? '';
    expect(call('GET /modern/items + Authorization')).toMatch(
      /Preflighted \(OPTIONS first\) for the authorization header\. Cookies go with it\. crosswise warned:\s+header not safelisted\.\s+→ 200/,
    );
    expect(call('POST /modern/items (json, minimize)')).toMatch(/Simple: sent at once, no preflight\. Cookies go with it\.\s+→ 201/);
    expect(call('GET /modern/me (cookie)')).toMatch(/→ 200 \{"user":"ada"\}/);
    expect(call('GET /broken/me (cookie, * origin)')).toMatch(/→ CorsError \(possible\): /);
    expect(call('PUT /broken/items/1 (strict)')).toMatch(
      /Would be preflighted for the content-type header: nothing sent\.\s+→ CorsPolicyError/,
    );
    expect(call('GET localhost:…/modern/me (include)')).toMatch(
      /Refused before the browser saw it: nothing sent\.\s+→ CredentialsPolicyError/,
    );
    expect(call('GET /legacy/user (fallback JSONP)')).toMatch(/Went by JSONP, as a script tag.*\s+→ 200 \{"id":7/);
    // probe on the misconfigured API: what the server must change.
    expect(out).toContain("[header_not_allowed] the preflight's Access-Control-Allow-Headers does not list authorization");
    expect(out).toContain('[wildcard_origin_with_credentials]');
    // server-config: the API's half, for exactly the calls the session made.
    expect(out).toMatch(
      /\$ crosswise server-config session\.json[^\n]*\n\n<api> {2}for pages at <page>\n {2}Allow-Origin {7}<page> \(echoed: credentials forbid \*\)\n {2}Allow-Methods {6}GET, POST [^\n]*\n {2}Allow-Headers {6}authorization, content-type\n {2}Allow-Credentials {2}true/,
    );
    // Real Chromium: each call's prediction there against what the API's log shows reached it for that call.
    expect(out).toMatch(/The same session in real Chromium \d+/);
    const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const row = (...cells: string[]): RegExp => new RegExp([...cells, 'yes'].map(literal).join('\\s+'));
    expect(out).toMatch(row('GET /modern/items + Authorization', 'preflight [authorization]', 'preflight [authorization]'));
    expect(out).toMatch(row('POST /modern/items (json, minimize)', 'simple', 'simple'));
    expect(out).toMatch(row('PUT /broken/items/1 (strict)', 'nothing sent', 'nothing sent'));
    expect(out).toMatch(row('GET /legacy/user (fallback JSONP)', 'simple → JSONP', 'simple → JSONP'));
    expect(out).toContain('11/11 calls: what reached the API is what crosswise predicted.');
    expect(out).toContain('Chromium ended all 11 calls as the Node session did');
    // Unique URLs per call: every preflighted call sent its own OPTIONS, none answered from the preflight cache.
    expect(out).toContain('3 of them OPTIONS preflights, for 3 preflighted calls sent.');
  });
});
