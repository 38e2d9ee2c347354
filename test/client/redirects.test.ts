import { describe, expect, it } from 'vitest';
import { createClient, isCredentialsPolicyError, credentialsPolicy } from '../../src/index.js';
import { headerValue, type RecordingServer } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { COOKIE, browserLikeFetch, cookieAt, type BrowserLikeFetch } from './browser-like-fetch.js';

// The credentials policy holds across redirects: a credentialed call to an allowlisted origin that redirects
// elsewhere must not carry the cookie there. `allowed` is in credentials.include, `elsewhere` is not, and the page is
// a third origin; the fetch under the client keeps a browser's cookie jar, so the servers show where cookies went.
const { page: elsewhere, api: allowed } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/redirect/${++probe}`;

function redirect(server: RecordingServer, from: string, status: number, to: string): void {
  server.route(from, () => ({ status, headers: { Location: to } }));
}

function policyClient(fetch: BrowserLikeFetch, redirects?: 'verify' | 'follow') {
  return createClient({
    origin: 'http://app.example',
    engine: 'chromium',
    retry: 0,
    onWarning: () => undefined,
    fetch,
    credentials: credentialsPolicy({ include: [allowed.origin], otherwise: 'omit', ...(redirects === undefined ? {} : { redirects }) }),
  });
}

describe('credentialed calls and redirects', () => {
  it('a 302 from an allowlisted origin to another: the next hop goes without the cookie', async () => {
    const [from, to] = [path(), path()];
    redirect(allowed, from, 302, `${elsewhere.origin}${to}`);
    const fetch = browserLikeFetch();
    const response = await policyClient(fetch).get(`${allowed.origin}${from}`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${elsewhere.origin}${to}`);
    expect({ first: cookieAt(allowed, from), redirected: cookieAt(elsewhere, to) }).toEqual({ first: COOKIE, redirected: null });
    expect(fetch.hops).toEqual([`GET ${allowed.origin}${from} include`, `GET ${elsewhere.origin}${to} omit`]);
  });

  it('a 307 POST with a body: method and body are kept, the cookie is not', async () => {
    const [from, to] = [path(), path()];
    redirect(allowed, from, 307, `${elsewhere.origin}${to}`);
    const response = await policyClient(browserLikeFetch()).post(`${allowed.origin}${from}`, {
      body: 'payload',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(response.status).toBe(200);
    const [seen] = elsewhere.recordsUnder(to);
    expect(seen?.method).toBe('POST');
    expect(seen?.body.toString()).toBe('payload');
    expect({ first: cookieAt(allowed, from), redirected: cookieAt(elsewhere, to) }).toEqual({ first: COOKIE, redirected: null });
  });

  it('follows the Fetch rules for the method: 302 POST and 303 PUT become GET without a body; Authorization stays behind across origins', async () => {
    const [post, put, postTarget, putTarget] = [path(), path(), path(), path()];
    redirect(allowed, post, 302, `${elsewhere.origin}${postTarget}`);
    redirect(allowed, put, 303, `${allowed.origin}${putTarget}`);
    const client = policyClient(browserLikeFetch());
    await client.post(`${allowed.origin}${post}`, { json: { a: 1 }, headers: { Authorization: 'Bearer t' } });
    await client.put(`${allowed.origin}${put}`, { json: { a: 1 }, headers: { Authorization: 'Bearer t' } });
    const [posted] = elsewhere.recordsUnder(postTarget);
    expect(posted?.method).toBe('GET');
    expect(posted?.body.length).toBe(0);
    expect(headerValue(posted!, 'content-type')).toBeNull();
    expect(headerValue(posted!, 'authorization')).toBeNull();
    const [put303] = allowed.recordsUnder(putTarget);
    expect(put303?.method).toBe('GET');
    // Within the allowlist the cookie follows, and a same-origin hop keeps Authorization.
    expect(headerValue(put303!, 'cookie')).toBe(COOKIE);
    expect(headerValue(put303!, 'authorization')).toBe('Bearer t');
  });

  it("an explicit credentials: 'include' redirected off the allowlist is refused, and nothing reaches the other origin", async () => {
    const [from, to] = [path(), path()];
    redirect(allowed, from, 302, `${elsewhere.origin}${to}`);
    const error: unknown = await policyClient(browserLikeFetch())
      .get(`${allowed.origin}${from}`, { credentials: 'include' })
      .catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(error)).toBe(true);
    if (!isCredentialsPolicyError(error)) return;
    expect(error.code).toBe('redirect_not_allowlisted');
    expect(error.target).toBe(elsewhere.origin);
    expect(error.message).toContain(`nothing was sent to ${elsewhere.origin}`);
    expect(elsewhere.recordsUnder(to)).toHaveLength(0);
  });

  it('more than 20 redirects fail as fetch does, after 21 requests', async () => {
    const loop = path();
    redirect(allowed, loop, 302, `${allowed.origin}${loop}`);
    await expect(policyClient(browserLikeFetch()).get(`${allowed.origin}${loop}`)).rejects.toThrow(/redirect/);
    expect(allowed.recordsUnder(loop)).toHaveLength(21);
  });

  it("keeps the caller's own redirect mode: 'manual' gets the 3xx, 'error' fails, and neither reaches the target", async () => {
    const [from, to] = [path(), path()];
    redirect(allowed, from, 302, `${elsewhere.origin}${to}`);
    const client = policyClient(browserLikeFetch());
    const manual = await client.get(`${allowed.origin}${from}`, { redirect: 'manual', throwHttpErrors: false });
    expect(manual.status).toBe(302);
    await expect(client.get(`${allowed.origin}${from}`, { redirect: 'error' })).rejects.toThrow();
    expect(elsewhere.recordsUnder(to)).toHaveLength(0);
  });

  it("redirects: 'follow' hands redirects to the platform: the cookie goes where they lead (the documented cost)", async () => {
    const [from, to] = [path(), path()];
    redirect(allowed, from, 302, `${elsewhere.origin}${to}`);
    await policyClient(browserLikeFetch(), 'follow').get(`${allowed.origin}${from}`);
    expect(cookieAt(elsewhere, to)).toBe(COOKIE);
  });

  it('calls without credentials are not touched: the platform follows their redirects', async () => {
    const [from, to] = [path(), path()];
    redirect(elsewhere, from, 302, `${allowed.origin}${to}`);
    const fetch = browserLikeFetch();
    await policyClient(fetch).get(`${elsewhere.origin}${from}`);
    // One call to the fetch, which followed by itself with the mode decided for the first URL.
    expect(fetch.hops).toEqual([`GET ${elsewhere.origin}${from} omit`, `GET ${allowed.origin}${to} omit`]);
    expect(cookieAt(allowed, to)).toBeNull();
  });

  it('rejects a malformed redirects option, naming it', () => {
    expect(() => createClient({ credentials: credentialsPolicy({ include: [], redirects: 'always' as 'follow' }) })).toThrow(
      /`credentials.redirects`/,
    );
  });
});
