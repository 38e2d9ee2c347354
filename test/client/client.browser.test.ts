import { describe, expect, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { createRecordingServer, headerValue, type RecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';
import { expectPreflightCacheStats } from './preflight-cache-session.js';
import { expectSpaSession } from './spa-session.js';

// The client in real Chromium, each page on one origin calling an API on another: the SPA session the other
// engines run too (spa-session.ts), then what only this file checks.
const { page, api, open, label } = useChromiumTab();

describe('the client in real Chromium', () => {
  it('predicts exactly the OPTIONS the browser sends, diagnoses a blocked call, and strict mode sends nothing', async () => {
    await expectSpaSession({ page, api }, open, 'chromium', label());
  });

  it('names every malformed call with a RequestInputError before anything is sent, as it does in Node', async () => {
    const module = `
      import { createClient, isRequestInputError, credentialsPolicy, minimizePreflights } from '/src/index.js';
      const origin = new URLSearchParams(location.search).get('api');
      const api = createClient({ baseUrl: origin, retry: 0, onWarning: () => {} });
      // Chromium's own TypeError ("Failed to construct 'Request'") must become the typed error, thrown at once as ky does.
      const refusal = (call) => {
        try { call(); return 'nothing thrown'; } catch (error) { return isRequestInputError(error) ? error.reasons.map((r) => r.code).join(',') : error.name + ': ' + error.message; }
      };
      const outcome = {
        crlf: refusal(() => api.get('malformed/crlf', { headers: { 'X-A': 'a\\r\\nInjected: 1' } })),
        nul: refusal(() => api.get('malformed/nul', { headers: { 'X-A': 'a\\0b' } })),
        aboveLatin1: refusal(() => api.get('malformed/euro', { headers: { 'X-A': '€' } })),
        name: refusal(() => api.get('malformed/name', { headers: { 'X A': '1' } })),
        // (Chromium's URL parser accepts a space in a host, 'http://exa mple.com/'; an unclosed IPv6 host fails everywhere.)
        url: refusal(() => api.get('http://[::1/')),
        credentials: refusal(() => api.get(origin.replace('//', '//user:secret@') + '/malformed/credentials')),
        getBody: refusal(() => api.get('malformed/body', { body: 'x' })),
        explainTrace: (await api.explain('malformed/trace', { method: 'TRACE' })).reasons.map((r) => r.code).join(','),
        trimmed: (await api.get('malformed/trimmed', { headers: { Authorization: 'Bearer t\\n' } })).status,
      };
      report(outcome);`;
    const { result: outcome, errors } = await runReportingPage<Record<string, string | number>>(page, open, {
      module,
      query: { api: api.origin },
    });
    expect(errors).toEqual([]);
    expect(outcome).toEqual({
      crlf: 'invalid_header_value',
      nul: 'invalid_header_value',
      aboveLatin1: 'invalid_header_value',
      name: 'invalid_header_name',
      url: 'invalid_url',
      credentials: 'url_has_credentials',
      getBody: 'body_not_allowed',
      explainTrace: 'forbidden_method',
      trimmed: 200,
    });
    // Only the well-formed call reached the API (its preflight, then the GET with the value trimmed).
    const seen = api.recordsUnder('/malformed/');
    expect(seen.map((record) => `${record.method} ${record.path.split('?')[0] ?? ''}`)).toEqual([
      'OPTIONS /malformed/trimmed',
      'GET /malformed/trimmed',
    ]);
    expect(headerValue(seen[1]!, 'authorization')).toBe('Bearer t');
  });

  it('sends the cookie only where the credentials policy allows it (a real cookie, observed on the servers)', async () => {
    const other = await createRecordingServer();
    try {
      const module = `
        import { createClient, isCredentialsPolicyError, credentialsPolicy, minimizePreflights } from '/src/index.js';
        document.cookie = 'sid=s3cret; SameSite=Lax; path=/';
        const q = new URLSearchParams(location.search);
        const api = createClient({ retry: 0, credentials: credentialsPolicy({ include: [q.get('api')], otherwise: 'omit' }) });
        await api.get(q.get('api') + '/cookie/allowlisted');
        await api.get(q.get('other') + '/cookie/other');
        let refused = false;
        try { await api.get(q.get('other') + '/cookie/asked', { credentials: 'include' }); } catch (error) { refused = isCredentialsPolicyError(error); }
        // Without crosswise the browser would send it: proves the observation can see a leak.
        await fetch(q.get('other') + '/cookie/plain-fetch', { credentials: 'include' });
        report({ refused });`;
      const { result, errors } = await runReportingPage<{ refused: boolean }>(page, open, {
        module,
        query: { api: api.origin, other: other.origin },
      });
      expect(errors).toEqual([]);
      const cookieOf = (server: RecordingServer, at: string): string | null => {
        const record = server.recordsUnder(at).find((entry) => entry.method === 'GET');
        return record === undefined ? 'not sent' : headerValue(record, 'cookie');
      };
      const seen = {
        allowlisted: cookieOf(api, '/cookie/allowlisted'),
        other: cookieOf(other, '/cookie/other'),
        asked: cookieOf(other, '/cookie/asked'),
        plainFetch: cookieOf(other, '/cookie/plain-fetch'),
      };
      console.log(`cookies seen by the servers: ${JSON.stringify(seen)}`);
      expect(seen).toEqual({ allowlisted: 'sid=s3cret', other: null, asked: 'not sent', plainFetch: 'sid=s3cret' });
      expect(result.refused).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("stats() counts exactly the OPTIONS Chromium's preflight cache lets through", async () => {
    await expectPreflightCacheStats({ page, api }, open, 'chromium', label());
  });

  it('minimize: the same session sends one OPTIONS per non-simple call with plain ky, none with crosswise', async () => {
    const module = `
      import ky from 'ky';
      import { createClient, credentialsPolicy, minimizePreflights } from '/src/index.js';
      const q = new URLSearchParams(location.search);
      const session = async (client, prefix) => {
        for (let i = 0; i < 3; i++) {
          await client.post(prefix + '/items', { json: { i }, searchParams: { i } });
          await client.put(prefix + '/items/' + i, { json: { i } });
          await client.delete(prefix + '/items/' + i);
          await client.get(prefix + '/items', { headers: { 'X-API-Key': 'k' }, searchParams: { i } });
          await client.get(prefix + '/items', { searchParams: { plain: i } });
        }
      };
      await session(ky.create({ prefix: q.get('api'), retry: 0 }), 'plain');
      const lean = createClient({ baseUrl: q.get('api'), retry: 0, onWarning: () => {},
        minimize: minimizePreflights({ jsonAsText: true, headersToQuery: { 'X-API-Key': 'api_key' }, methodOverride: '_method' }) });
      await session(lean, 'lean');
      report({});`;
    const { errors } = await runReportingPage(page, open, { module, query: { api: api.origin } });
    const options = (prefix: string): number => api.recordsUnder(prefix).filter((record) => record.method === 'OPTIONS').length;
    console.log(`minimize: plain ky sent ${options('/plain/')} OPTIONS for 15 calls; crosswise with minimize sent ${options('/lean/')}`);
    expect(errors).toEqual([]);
    expect(options('/plain/')).toBe(12);
    expect(options('/lean/')).toBe(0);
    expect(api.recordsUnder('/lean/').filter((record) => record.method === 'POST')).toHaveLength(9);
  });
});
