import { expect } from 'vitest';
import { serveJsonp } from '../helpers/jsonp-endpoint.js';
import { createRecordingServer, headerValue, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';
import { cookieAt } from './browser-like-fetch.js';

// The credentials policy against a real cookie in a real browser: redirects and JSONP, the two ways a cookie could
// reach an origin outside credentials.include. Cookies ignore ports, so the page's cookie on 127.0.0.1 reaches every
// loopback server the browser sends it to; the servers' records show which did. Run in Chromium, Firefox and WebKit.

/** A redirect the browser may follow for a credentialed CORS call: the 3xx itself passes the CORS check. */
const corsRedirect = (status: number, to: () => string) => (request: RecordedRequest) => ({
  status,
  headers: {
    Location: to(),
    'Access-Control-Allow-Origin': headerValue(request, 'origin') ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  },
});

/** Runs the session on a page of `page`'s origin, `api` allowlisted, a third server outside the allowlist. */
export async function expectCredentialsGuard(
  { page, api }: { page: RecordingServer; api: RecordingServer },
  open: (url: string) => Promise<void>,
  label: string,
): Promise<void> {
  const other = await createRecordingServer();
  try {
    api.route(
      '/guard/get302',
      corsRedirect(302, () => `${other.origin}/guard/target/get302`),
    );
    api.route(
      '/guard/post307',
      corsRedirect(307, () => `${other.origin}/guard/target/post307`),
    );
    api.route(
      '/guard/within',
      corsRedirect(302, () => `${api.origin}/guard/target/within`),
    );
    api.route(
      '/guard/opted',
      corsRedirect(302, () => `${other.origin}/guard/target/opted`),
    );
    api.route(
      '/guard/plain',
      corsRedirect(302, () => `${other.origin}/guard/target/plain`),
    );
    serveJsonp(other, '/guard/jsonp/');
    const module = `
      import { createClient, isCredentialsPolicyError, credentialsPolicy, jsonpTransport } from '/src/index.js';
      document.cookie = 'sid=s3cret; SameSite=Lax; path=/';
      const q = new URLSearchParams(location.search);
      const [api, other] = [q.get('api'), q.get('other')];
      const base = { retry: 0, onWarning: () => {} };
      const verify = createClient({ ...base, credentials: credentialsPolicy({ include: [api], otherwise: 'omit' }) });
      const follow = createClient({ ...base, credentials: credentialsPolicy({ include: [api], otherwise: 'omit', redirects: 'follow' }) });
      const jsonp = createClient({ ...base, credentials: credentialsPolicy({ include: [api], otherwise: 'omit' }), jsonp: jsonpTransport({ origins: [other] }) });
      const jsonpOptedIn = createClient({ ...base, credentials: credentialsPolicy({ include: [api], otherwise: 'omit' }), jsonp: jsonpTransport({ origins: [other], credentials: 'include' }) });
      const outcome = async (call) => {
        try { return 'status ' + (await call()).status; }
        catch (error) { return isCredentialsPolicyError(error) ? error.code : error.name + ': ' + error.message; }
      };
      // Without crosswise a script tag sends the cookie: proves the observation can see a JSONP leak.
      const plainScript = () => new Promise((resolve) => {
        window.plainCallback = () => resolve('loaded');
        const script = document.createElement('script');
        script.src = other + '/guard/jsonp/plain-script?callback=plainCallback';
        document.head.append(script);
      });
      report({
        get302: await outcome(() => verify.get(api + '/guard/get302')),
        post307: await outcome(() => verify.post(api + '/guard/post307', { body: 'payload' })),
        withinAllowlist: await outcome(() => verify.get(api + '/guard/within')),
        optedIn: await outcome(() => follow.get(api + '/guard/opted')),
        // Without crosswise the browser follows with the cookie: proves the observation can see a redirect leak.
        plainFetch: (await fetch(api + '/guard/plain', { credentials: 'include' })).status,
        jsonp: await outcome(() => jsonp.get(other + '/guard/jsonp/refused', { transport: 'jsonp' })),
        jsonpFallback: await outcome(() => jsonp.get(other + '/guard/jsonp/fallback', { fallback: 'jsonp' })),
        jsonpOptedIn: await outcome(() => jsonpOptedIn.get(other + '/guard/jsonp/opted', { transport: 'jsonp' })),
        plainScript: await plainScript(),
      });`;
    const { result, errors } = await runReportingPage<Record<string, string | number>>(page, open, {
      module,
      query: { api: api.origin, other: other.origin },
    });
    expect(errors).toEqual([]);
    expect(result).toEqual({
      get302: 'redirect_hidden',
      post307: 'redirect_hidden',
      withinAllowlist: 'redirect_hidden',
      optedIn: 'status 200',
      plainFetch: 200,
      jsonp: 'jsonp_sends_cookies',
      jsonpFallback: 'jsonp_sends_cookies',
      jsonpOptedIn: 'status 200',
      plainScript: 'loaded',
    });
    const seen = {
      firstHop: cookieAt(api, '/guard/get302'),
      get302: cookieAt(other, '/guard/target/get302'),
      post307: cookieAt(other, '/guard/target/post307'),
      withinAllowlist: cookieAt(api, '/guard/target/within'),
      optedIn: cookieAt(other, '/guard/target/opted'),
      plainFetch: cookieAt(other, '/guard/target/plain'),
      jsonp: cookieAt(other, '/guard/jsonp/refused'),
      jsonpFallback: cookieAt(other, '/guard/jsonp/fallback'),
      jsonpOptedIn: cookieAt(other, '/guard/jsonp/opted'),
      plainScript: cookieAt(other, '/guard/jsonp/plain-script'),
    };
    console.log(`${label}: cookies seen by the servers: ${JSON.stringify(seen)}`);
    expect(seen).toEqual({
      firstHop: 'sid=s3cret',
      get302: 'not sent',
      post307: 'not sent',
      // The cost of 'verify' in a browser: a redirect it cannot see is not followed, even within the allowlist.
      withinAllowlist: 'not sent',
      optedIn: 'sid=s3cret',
      plainFetch: 'sid=s3cret',
      jsonp: 'not sent',
      jsonpFallback: 'not sent',
      jsonpOptedIn: 'sid=s3cret',
      plainScript: 'sid=s3cret',
    });
  } finally {
    await other.close();
  }
}
