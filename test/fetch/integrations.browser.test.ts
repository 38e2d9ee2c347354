import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieAt } from '../client/browser-like-fetch.js';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { createRecordingServer, headerValue, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';
import type { Outcome } from './integrations/page.js';

// openapi-fetch, axios (fetch adapter), ofetch and TanStack Query, bundled with crosswise/fetch into a real Chromium
// page on one loopback origin, calling a recording API on another. A third server stands outside the credentials
// policy. The page holds a real cookie for 127.0.0.1 (cookies ignore ports), so the records show which origin got it.
const { page, api, open } = useChromiumTab();
let other: RecordingServer;
const LIBRARIES = ['openapi-fetch', 'axios', 'ofetch', 'tanstack-query'];

beforeAll(async () => {
  other = await createRecordingServer();
  const bundle = await build({
    entryPoints: [new URL('./integrations/page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  page.route('/integrations.js', () => ({
    status: 200,
    headers: { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' },
    body: code,
  }));
  const corsRedirect = (to: string) => (request: RecordedRequest) => ({
    status: 302,
    headers: {
      Location: to,
      'Access-Control-Allow-Origin': headerValue(request, 'origin') ?? '*',
      'Access-Control-Allow-Credentials': 'true',
    },
  });
  for (const name of LIBRARIES) {
    api.route(`/int/${name}/redirect`, corsRedirect(`${other.origin}/int/${name}/redirected`));
    // A server whose CORS middleware is missing: the preflight gets a 204 with no Access-Control-* header.
    api.route(`/int/${name}/misconfigured`, () => ({ status: 204 }));
  }
}, 60_000);

afterAll(async () => {
  await other?.close();
});

/** The preflight the server saw for `path`: its requested headers, or null when no OPTIONS came. */
const preflightAt = (path: string): string | null => {
  const options = api.recordsUnder(path).find((request) => request.method === 'OPTIONS');
  return options === undefined ? null : (headerValue(options, 'access-control-request-headers') ?? '');
};

describe('crosswise/fetch under real libraries, in real Chromium', () => {
  let results: Record<string, Record<string, Outcome>>;
  let plainCookie: string | null;

  beforeAll(async () => {
    const module = `
      import { runIntegrations } from '/integrations.js';
      document.cookie = 'sid=s3cret; SameSite=Lax; path=/';
      const q = new URLSearchParams(location.search);
      // Without crosswise the browser sends the cookie to the third origin: proves the observation can see a leak.
      await fetch(q.get('other') + '/int/plain/cookie', { credentials: 'include' }).catch(() => {});
      report(await runIntegrations(q.get('api'), q.get('other')));`;
    const { result, errors } = await runReportingPage<typeof results>(page, open, {
      module,
      query: { api: api.origin, other: other.origin },
    });
    expect(errors).toEqual([]);
    results = result;
    plainCookie = cookieAt(other, '/int/plain/cookie', { preflights: 'skip' });
  }, 60_000);

  it('the observation can see a cookie leak (a plain credentialed fetch to the third origin carries it)', () => {
    expect(plainCookie).toBe('sid=s3cret');
  });

  for (const name of LIBRARIES) {
    describe(name, () => {
      it('predictions equal the OPTIONS the server saw', () => {
        const { simple, preflight } = results[name] ?? {};
        expect(simple).toMatchObject({ status: 200, kind: 'simple' });
        expect(preflightAt(`/int/${name}/simple`)).toBeNull();
        expect(preflight).toMatchObject({ status: 200, kind: 'preflight' });
        expect(preflightAt(`/int/${name}/preflight`)).toBe(preflight?.unsafeHeaders?.join(','));
        expect(preflight?.unsafeHeaders).toEqual(['content-type', 'x-lib']);
      });

      it('strict mode sends nothing', () => {
        expect(results[name]?.['strict']).toEqual({ error: 'CorsPolicyError', kind: 'preflight' });
        expect(api.recordsUnder(`/int/${name}/strict`)).toEqual([]);
      });

      it('the cookie never reaches an origin outside the policy, redirects included', () => {
        const outcome = results[name] ?? {};
        expect(outcome['cookieAllowed']).toMatchObject({ status: 200 });
        expect(cookieAt(api, `/int/${name}/cookie`, { preflights: 'skip' })).toBe('sid=s3cret');
        expect(outcome['cookieElsewhere']).toMatchObject({ error: 'CredentialsPolicyError', code: 'not_allowlisted' });
        expect(other.recordsUnder(`/int/${name}/cookie-elsewhere`)).toEqual([]);
        expect(outcome['cookieRedirect']).toMatchObject({ error: 'CredentialsPolicyError', code: 'redirect_hidden' });
        expect(cookieAt(api, `/int/${name}/redirect`, { preflights: 'skip' })).toBe('sid=s3cret');
        expect(other.recordsUnder(`/int/${name}/redirected`)).toEqual([]);
      });

      it('a misconfigured server gives the CorsError', () => {
        expect(results[name]?.['misconfigured']).toEqual({ error: 'CorsError', kind: 'preflight' });
        expect(api.recordsUnder(`/int/${name}/misconfigured`).map((request) => request.method)).toEqual(['OPTIONS']);
      });
    });
  }
});
