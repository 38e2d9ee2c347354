import { describe, expect, it } from 'vitest';
import { createClient, isCorsPolicyError, isCredentialsPolicyError } from '../../src/index.js';
import { headerValue } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// Whatever fetch a caller hands the client (per client, per call, through extend) goes *under* crosswise's transport:
// the policies run first, then that fetch sends. Here the caller's fetch plays a browser's cookie jar (both loopback
// ports are the host 127.0.0.1, so one cookie covers both), and the servers show what really left.
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/under/${++probe}`;

/** A fetch that, like a browser, attaches the cookie to every call whose credentials mode is 'include'. */
function cookieJarFetch(calls: string[]): (input: Request | URL | string, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    calls.push(`${request.method} ${request.url} ${request.credentials}`);
    const headers = new Headers(request.headers);
    if (request.credentials === 'include') headers.set('Cookie', 'sid=s3cret');
    return fetch(new Request(request, { headers }));
  };
}

// The page runs elsewhere: both servers are cross-origin, `api` is allowlisted, `page` is not.
const policyClient = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ origin: 'http://app.example', engine: 'chromium', retry: 0, onWarning: () => undefined, credentials: { include: [api.origin], otherwise: 'omit' }, ...options });

describe('a caller-supplied fetch runs under the transport, never around it', () => {
  it('per call: strict mode still refuses before the caller’s fetch is called (no OPTIONS, no PUT)', async () => {
    const calls: string[] = [];
    const target = path();
    const strict = createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, cors: 'strict' });
    const error: unknown = await strict.put(target, { headers: { 'X-Token': 't' }, fetch: cookieJarFetch(calls) }).catch((caught: unknown) => caught);
    expect(isCorsPolicyError(error)).toBe(true);
    expect(calls).toEqual([]);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });

  it('per call: the cookie reaches only the allowlisted origin, and an off-list include is refused', async () => {
    const calls: string[] = [];
    const [allowed, other, asked] = [path(), path(), path()];
    const client = policyClient();
    await client.get(`${api.origin}${allowed}`, { fetch: cookieJarFetch(calls) });
    await client.get(`${page.origin}${other}`, { fetch: cookieJarFetch(calls) });
    const refused: unknown = await client.get(`${page.origin}${asked}`, { credentials: 'include', fetch: cookieJarFetch(calls) }).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(refused)).toBe(true);
    expect(calls).toEqual([`GET ${api.origin}${allowed} include`, `GET ${page.origin}${other} omit`]);
    expect(headerValue(api.recordsUnder(allowed)[0]!, 'cookie')).toBe('sid=s3cret');
    expect(headerValue(page.recordsUnder(other)[0]!, 'cookie')).toBeNull();
    expect(page.recordsUnder(asked)).toHaveLength(0);
  });

  it('per client and through extend (object or function): the same policy holds', async () => {
    const calls: string[] = [];
    const [viaClient, viaExtend, viaFunction] = [path(), path(), path()];
    const client = policyClient({ fetch: cookieJarFetch(calls) });
    await client.get(`${page.origin}${viaClient}`);
    await client.extend({ fetch: cookieJarFetch(calls) }).get(`${page.origin}${viaExtend}`);
    await client.extend(() => ({ fetch: cookieJarFetch(calls) })).get(`${page.origin}${viaFunction}`);
    expect(calls.map((call) => call.split(' ').at(-1))).toEqual(['omit', 'omit', 'omit']);
    for (const target of [viaClient, viaExtend, viaFunction]) expect(headerValue(page.recordsUnder(target)[0]!, 'cookie')).toBeNull();
  });

  it('the per-call fetch gets only what the caller meant for fetch, and the client keeps its own for other calls', async () => {
    const seen: Array<RequestInit | undefined> = [];
    const own: string[] = [];
    const client = policyClient({ baseUrl: api.origin, fetch: cookieJarFetch(own) });
    const dispatcher = { marker: true };
    const perCall = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
      seen.push(init);
      return new Response('ok');
    };
    await client.get(path(), { fetch: perCall, cors: 'off', dispatcher } as never);
    await client.get(path());
    expect(seen).toEqual([{ dispatcher }]);
    expect(own).toHaveLength(1);
  });
});

describe('hooks cannot send around the policy', () => {
  it('a Request returned by beforeRequest is judged like any other: off-list include refused, preflight refused in strict', async () => {
    const calls: string[] = [];
    const [credentialed, preflighted] = [path(), path()];
    const client = policyClient({
      cors: 'strict',
      fetch: cookieJarFetch(calls),
      hooks: {
        beforeRequest: [
          ({ request }) => {
            const url = new URL(request.url);
            if (url.pathname === '/swap/credentials') return new Request(`${page.origin}${credentialed}`, { credentials: 'include' });
            return new Request(`${api.origin}${preflighted}`, { method: 'PUT', headers: { 'X-Token': 't' } });
          },
        ],
      },
    });
    await expect(client.get(`${api.origin}/swap/credentials`)).rejects.toSatisfy(isCredentialsPolicyError);
    await expect(client.get(`${api.origin}/swap/preflight`)).rejects.toSatisfy(isCorsPolicyError);
    expect(calls).toEqual([]);
    expect(page.recordsUnder(credentialed)).toHaveLength(0);
    expect(api.recordsUnder(preflighted)).toHaveLength(0);
  });

  it('a Response returned by beforeRequest sends nothing at all', async () => {
    const calls: string[] = [];
    const target = path();
    const client = policyClient({ fetch: cookieJarFetch(calls), hooks: { beforeRequest: [() => new Response('from the hook')] } });
    expect(await client.get(`${page.origin}${target}`, { credentials: 'include' }).text()).toBe('from the hook');
    expect(calls).toEqual([]);
    expect(page.recordsUnder(target)).toHaveLength(0);
  });

  it('hooks see frozen options without `fetch`: a hook cannot swap the transport', async () => {
    const client = policyClient({
      baseUrl: api.origin,
      hooks: {
        beforeRequest: [
          ({ options }) => {
            expect(Object.isFrozen(options)).toBe(true);
            expect(options).not.toHaveProperty('fetch');
          },
        ],
      },
    });
    expect((await client.get(path())).status).toBe(200);
  });
});
