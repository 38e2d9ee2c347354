import ky from 'ky';
import { describe, expect, it } from 'vitest';
import { createClient, isCorsPolicyError, isCredentialsPolicyError, credentialsPolicy } from '../../src/index.js';
import { headerValue } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { COOKIE, browserLikeFetch } from './browser-like-fetch.js';

// Whatever fetch a caller hands the client (per client, per call, through extend) goes *under* crosswise's transport:
// the policies run first, then that fetch sends. Here the caller's fetch plays a browser's cookie jar (both loopback
// ports are the host 127.0.0.1, so one cookie covers both), and the servers show what really left.
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/under/${++probe}`;

// The page runs elsewhere: both servers are cross-origin, `api` is allowlisted, `page` is not.
const policyClient = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({
    origin: 'http://app.example',
    engine: 'chromium',
    retry: 0,
    onWarning: () => undefined,
    credentials: credentialsPolicy({ include: [api.origin], otherwise: 'omit' }),
    ...options,
  });

describe('a caller-supplied fetch runs under the transport, never around it', () => {
  it('per call: strict mode still refuses before the caller’s fetch is called (no OPTIONS, no PUT)', async () => {
    const jar = browserLikeFetch();
    const target = path();
    const strict = createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, cors: 'strict' });
    const error: unknown = await strict.put(target, { headers: { 'X-Token': 't' }, fetch: jar }).catch((caught: unknown) => caught);
    expect(isCorsPolicyError(error)).toBe(true);
    expect(jar.hops).toEqual([]);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });

  it('per call: `fetch: undefined` or `null` cannot unset the transport either (ky would fall back to the global fetch)', async () => {
    const target = path();
    const strict = createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, cors: 'strict' });
    for (const fetch of [undefined, null]) {
      await expect(strict.put(target, { headers: { 'X-Token': 't' }, fetch: fetch as never })).rejects.toSatisfy(isCorsPolicyError);
    }
    expect(() => strict.get(target, { fetch: 'fetch' as never })).toThrow(/`fetch` must be a function/);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });

  it('per call: the cookie reaches only the allowlisted origin, and an off-list include is refused', async () => {
    const jar = browserLikeFetch();
    const [allowed, other, asked] = [path(), path(), path()];
    const client = policyClient();
    await client.get(`${api.origin}${allowed}`, { fetch: jar });
    await client.get(`${page.origin}${other}`, { fetch: jar });
    const refused: unknown = await client
      .get(`${page.origin}${asked}`, { credentials: 'include', fetch: jar })
      .catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(refused)).toBe(true);
    expect(jar.hops).toEqual([`GET ${api.origin}${allowed} include`, `GET ${page.origin}${other} omit`]);
    expect(headerValue(api.recordsUnder(allowed)[0]!, 'cookie')).toBe(COOKIE);
    expect(headerValue(page.recordsUnder(other)[0]!, 'cookie')).toBeNull();
    expect(page.recordsUnder(asked)).toHaveLength(0);
  });

  it('per client and through extend (object or function): the same policy holds', async () => {
    const jar = browserLikeFetch();
    const [viaClient, viaExtend, viaFunction] = [path(), path(), path()];
    const client = policyClient({ fetch: jar });
    await client.get(`${page.origin}${viaClient}`);
    await client.extend({ fetch: jar }).get(`${page.origin}${viaExtend}`);
    await client.extend(() => ({ fetch: jar })).get(`${page.origin}${viaFunction}`);
    expect(jar.hops.map((call) => call.split(' ').at(-1))).toEqual(['omit', 'omit', 'omit']);
    for (const target of [viaClient, viaExtend, viaFunction]) expect(headerValue(page.recordsUnder(target)[0]!, 'cookie')).toBeNull();
  });

  it('the per-call fetch gets only what the caller meant for fetch, and the client keeps its own for other calls', async () => {
    const seen: Array<RequestInit | undefined> = [];
    const own = browserLikeFetch();
    const client = policyClient({ baseUrl: api.origin, fetch: own });
    const dispatcher = { marker: true };
    const perCall = async (_input: Request | URL | string, init?: RequestInit): Promise<Response> => {
      seen.push(init);
      return new Response('ok');
    };
    await client.get(path(), { fetch: perCall, cors: 'off', dispatcher } as never);
    await client.get(path());
    expect(seen).toEqual([{ dispatcher }]);
    expect(own.hops).toHaveLength(1);
  });
});

describe('hooks cannot send around the policy', () => {
  it('a Request returned by beforeRequest is judged like any other: off-list include refused, preflight refused in strict', async () => {
    const jar = browserLikeFetch();
    const [credentialed, preflighted] = [path(), path()];
    const client = policyClient({
      cors: 'strict',
      fetch: jar,
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
    expect(jar.hops).toEqual([]);
    expect(page.recordsUnder(credentialed)).toHaveLength(0);
    expect(api.recordsUnder(preflighted)).toHaveLength(0);
  });

  it('a retry with a Request of its own (afterResponse → ky.retry, beforeRetry) goes through the transport too', async () => {
    const jar = browserLikeFetch();
    const [first, retried, secondFirst, secondRetried] = [path(), path(), path(), path()];
    api.route(first, () => ({ status: 503 }));
    api.route(secondFirst, () => ({ status: 503 }));
    const viaAfterResponse = policyClient({
      fetch: jar,
      retry: { limit: 1, statusCodes: [], delay: () => 0 },
      hooks: {
        afterResponse: [
          ({ response }) =>
            response.status === 503
              ? ky.retry({ request: new Request(`${page.origin}${retried}`, { credentials: 'include' }) })
              : undefined,
        ],
      },
    });
    await expect(viaAfterResponse.get(`${api.origin}${first}`)).rejects.toSatisfy(isCredentialsPolicyError);
    const viaBeforeRetry = policyClient({
      fetch: jar,
      retry: { limit: 1, statusCodes: [503], delay: () => 0 },
      hooks: { beforeRetry: [() => new Request(`${page.origin}${secondRetried}`, { credentials: 'include' })] },
    });
    await expect(viaBeforeRetry.get(`${api.origin}${secondFirst}`)).rejects.toSatisfy(isCredentialsPolicyError);
    // The first attempts went out (to the allowlisted origin); the retries toward the other origin never did.
    expect(jar.hops).toEqual([`GET ${api.origin}${first} include`, `GET ${api.origin}${secondFirst} include`]);
    expect(page.recordsUnder(retried)).toHaveLength(0);
    expect(page.recordsUnder(secondRetried)).toHaveLength(0);
  });

  it('a Response returned by beforeRequest sends nothing at all', async () => {
    const jar = browserLikeFetch();
    const target = path();
    const client = policyClient({ fetch: jar, hooks: { beforeRequest: [() => new Response('from the hook')] } });
    expect(await client.get(`${page.origin}${target}`, { credentials: 'include' }).text()).toBe('from the hook');
    expect(jar.hops).toEqual([]);
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
