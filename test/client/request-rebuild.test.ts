import { describe, expect, it } from 'vitest';
import { carriedInit } from '../../src/client/rebuild.js';
import { REQUEST_INIT_MEMBERS } from '../../src/cors/init-enums.js';
import { createFetch } from '../../src/fetch/index.js';
import { createClient, credentialsPolicy, minimizePreflights, type ClientOptions } from '../../src/index.js';
import { headerValue } from '../helpers/recording-server.js';
import { sent, type Read } from '../helpers/sent-request.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// crosswise builds a call's Request again in four places: the credentials policy sets its mode, a minimize rewrite
// moves a header into the URL, a verified redirect sends each hop itself, and a Request goes to fetch with keys the
// Request does not keep (Next.js's `next`, undici's `dispatcher`). `new Request(request, init)` with a non-empty init
// resets the referrer and its policy: each place must put them back, and keep every other member the caller set.
// Node sends a Referer for a referrer URL, so the loopback server shows what the rebuilt call carried.
const { page, api } = useTwoOrigins();

/**
 * Node 24.22's undici loses the referrer of every Request it copies (`new Request(request)`, and `fetch(request)`
 * copies): there no Request sends a Referer, with crosswise or without, and only the Requests handed to fetch below
 * can show what crosswise kept. Node 20 and 22 keep it, as the standard says.
 */
const platformKeepsReferrer =
  new Request(new Request('http://127.0.0.1:9/', { referrer: 'http://127.0.0.1:9/page' })).referrer === 'http://127.0.0.1:9/page';

let probe = 0;
const path = (): string => `/probe/rebuild/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;
const referrerPage = (): string => `${page.origin}/app/page?tab=1`;
/** The referrer as the caller set it: a full URL, sent whole under 'unsafe-url' even to another origin. */
const referred = (): RequestInit => ({ referrer: referrerPage(), referrerPolicy: 'unsafe-url' });

type Send = (url: string, init: RequestInit & Record<string, unknown>) => Promise<Response>;
const surfaces: Record<string, (options: ClientOptions) => Send> = {
  createClient: (options) => {
    const api = createClient({ ...options, retry: 0 });
    return (url, init) => api.get(url, init);
  },
  createFetch: (options) => {
    const { credentials, minimize } = options;
    const apiFetch = createFetch({
      ...quiet,
      origin: page.origin,
      ...(credentials === undefined ? {} : { credentials }),
      ...(minimize === undefined ? {} : { minimize }),
    });
    return (url, init) => apiFetch(url, init);
  },
};

const rebuilds: Record<string, { options: () => ClientOptions; init: () => RequestInit & Record<string, unknown> }> = {
  'the credentials policy sets the mode': {
    options: () => ({ credentials: credentialsPolicy({ otherwise: 'omit' }) }),
    init: () => ({}),
  },
  'a minimize rewrite moves a header into the URL': {
    options: () => ({ minimize: minimizePreflights({ headersToQuery: { 'x-api-key': 'key' } }) }),
    init: () => ({ headers: { 'X-Api-Key': 'k' } }),
  },
  'the Request goes to fetch with a key it does not keep (Next.js’s `next`)': {
    options: () => ({}),
    init: () => ({ next: { revalidate: 60 } }),
  },
};

describe.skipIf(!platformKeepsReferrer).each(Object.keys(surfaces))(
  '%s keeps the caller’s referrer when a Request is built again',
  (surface) => {
    it.each(Object.keys(rebuilds))('%s', async (name) => {
      const rebuild = rebuilds[name]!;
      const send = surfaces[surface]!({ ...quiet, origin: page.origin, ...rebuild.options() });
      const target = path();
      expect((await send(`${api.origin}${target}`, { ...referred(), ...rebuild.init() })).status).toBe(200);
      const [seen] = api.recordsUnder(target);
      expect(headerValue(seen!, 'referer')).toBe(referrerPage());
    });

    it('a credentialed redirect the policy follows itself: every hop carries the referrer', async () => {
      const [from, to] = [path(), path()];
      api.route(from, () => ({ status: 302, headers: { Location: `${api.origin}${to}` } }));
      const send = surfaces[surface]!({ ...quiet, origin: page.origin, credentials: credentialsPolicy({ include: [api.origin] }) });
      expect((await send(`${api.origin}${from}`, { ...referred(), credentials: 'include' })).status).toBe(200);
      const hops = [...api.recordsUnder(from), ...api.recordsUnder(to)];
      expect(hops.map((hop) => headerValue(hop, 'referer'))).toEqual([referrerPage(), referrerPage()]);
    });
  },
);

/** Every member a caller can set and a Request exposes, each away from its default. */
const members = (signal: AbortSignal): RequestInit => ({
  ...referred(),
  cache: 'no-store',
  integrity: 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  keepalive: true,
  redirect: 'manual',
  signal,
});

describe('every member the caller set survives a rebuild (the Request handed to fetch)', () => {
  const cases: Record<string, ClientOptions> = {
    'the credentials policy': { credentials: credentialsPolicy({ otherwise: 'omit' }) },
    'a minimize rewrite': { minimize: minimizePreflights({ headersToQuery: { 'x-api-key': 'key' } }) },
    'a key the Request does not keep': {},
  };
  describe.each(Object.keys(surfaces))('%s', (surface) => {
    it.each(Object.keys(cases))('%s', async (name) => {
      const requests: (Read & { url: string })[] = [];
      const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        requests.push({ ...sent(input, init), url: input instanceof Request ? input.url : String(input) });
        return new Response('{}');
      };
      const controller = new AbortController();
      const options = { ...quiet, origin: page.origin, ...cases[name], fetch } as ClientOptions;
      const send =
        surface === 'createClient'
          ? (url: string, init: RequestInit) => createClient({ ...options, retry: 0 }).get(url, init)
          : (url: string, init: RequestInit) => createFetch(options as Parameters<typeof createFetch>[0])(url, init);
      await send('http://127.0.0.1:9/items', {
        ...members(controller.signal),
        headers: { 'X-Api-Key': 'k' },
        next: { revalidate: 60 },
      } as RequestInit);
      const [request] = requests;
      const { signal, ...expected } = members(controller.signal);
      expect({
        cache: request?.cache,
        integrity: request?.integrity,
        keepalive: request?.keepalive,
        redirect: request?.redirect,
        referrer: request?.referrer,
        referrerPolicy: request?.referrerPolicy,
      }).toEqual(expected);
      controller.abort();
      expect(request?.signal.aborted).toBe(true);
    });
  });

  it('a hop of a verified redirect', async () => {
    const requests: (Read & { url: string })[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      requests.push({ ...sent(input, init), url: input instanceof Request ? input.url : String(input) });
      return requests.length === 1
        ? new Response(null, { status: 302, headers: { Location: 'http://127.0.0.1:9/next' } })
        : new Response('{}');
    };
    const controller = new AbortController();
    const apiFetch = createFetch({ ...quiet, fetch, credentials: credentialsPolicy({ include: ['http://127.0.0.1:9'] }) });
    await apiFetch('http://127.0.0.1:9/items', { ...members(controller.signal), redirect: 'follow', credentials: 'include' });
    expect(requests.map((request) => request.url)).toEqual(['http://127.0.0.1:9/items', 'http://127.0.0.1:9/next']);
    const { signal, redirect, ...expected } = members(controller.signal);
    for (const request of requests) {
      expect({
        cache: request.cache,
        integrity: request.integrity,
        keepalive: request.keepalive,
        referrer: request.referrer,
        referrerPolicy: request.referrerPolicy,
      }).toEqual(expected);
    }
    controller.abort();
    expect(requests.every((request) => request.signal.aborted)).toBe(true);
  });
});

describe('carriedInit: a Request built from scratch in place of another', () => {
  it('carries every RequestInit member a Request exposes, but those its caller sets or no Request shows', () => {
    // The method, headers and body are the rewrite's own; priority has no getter; duplex matters only with a stream
    // body, which a rebuild has buffered; window can only be null.
    const notCarried = new Set(['body', 'duplex', 'headers', 'method', 'priority', 'window']);
    const expected = [...REQUEST_INIT_MEMBERS].filter((member) => !notCarried.has(member)).sort();
    expect(Object.keys(carriedInit(new Request('http://127.0.0.1:9/'))).sort()).toEqual(expected);
  });
});

describe('a client with a credentials policy', () => {
  it('takes calls that set referrer, referrerPolicy or keepalive (the policy is not fetch’s `credentials`)', async () => {
    const fetch = async (): Promise<Response> => new Response('{}');
    const api = createClient({ ...quiet, fetch, retry: 0, credentials: credentialsPolicy({ otherwise: 'omit' }) });
    await expect(api.get('http://127.0.0.1:9/items', { ...referred(), keepalive: true }).json()).resolves.toEqual({});
    expect(await api.explain('http://127.0.0.1:9/items', { ...referred(), keepalive: true })).toMatchObject({ kind: 'simple' });
  });
});
