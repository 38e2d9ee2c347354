import { describe, expect, it } from 'vitest';
import { carriedInit } from '../../src/client/rebuild.js';
import { REQUEST_INIT_MEMBERS } from '../../src/cors/init-enums.js';
import { createFetch, type FetchOptions } from '../../src/fetch/index.js';
import { createClient, credentialsPolicy } from '../../src/index.js';
import { REBUILDS, SURFACES } from '../helpers/rebuilds.js';
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

describe.skipIf(!platformKeepsReferrer).each(Object.entries(SURFACES))(
  '%s keeps the caller’s referrer when a Request is built again',
  (_, make) => {
    it.each(Object.entries(REBUILDS))('%s', async (_, rebuild) => {
      const send = make({ ...quiet, origin: page.origin, ...rebuild.options() });
      const target = path();
      expect((await send(`${api.origin}${target}`, { ...referred(), ...rebuild.init() })).status).toBe(200);
      const [seen] = api.recordsUnder(target);
      expect(headerValue(seen!, 'referer')).toBe(referrerPage());
    });

    it('a credentialed redirect the policy follows itself: every hop carries the referrer', async () => {
      const [from, to] = [path(), path()];
      api.route(from, () => ({ status: 302, headers: { Location: `${api.origin}${to}` } }));
      const send = make({ ...quiet, origin: page.origin, credentials: credentialsPolicy({ include: [api.origin] }) });
      expect((await send(`${api.origin}${from}`, { ...referred(), credentials: 'include' })).status).toBe(200);
      const hops = [...api.recordsUnder(from), ...api.recordsUnder(to)];
      expect(hops.map((hop) => headerValue(hop, 'referer'))).toEqual([referrerPage(), referrerPage()]);
    });
  },
);

/** Every member a caller can set and a Request exposes, each away from its default; and `priority`, which none shows. */
const members = (signal: AbortSignal): RequestInit => ({
  ...referred(),
  cache: 'no-store',
  integrity: 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  keepalive: true,
  redirect: 'manual',
  signal,
  priority: 'high',
});

/** One call as the stub `fetch` got it: what fetch would send (sent()), and what no Request getter shows. */
type Call = Read & {
  url: string;
  /** The init's own keys, sorted. */
  keys: string[] | undefined;
  /** A Request has no priority getter: fetch takes it from the init it is given, or from the Request built with it. */
  priority: RequestPriority | undefined;
  credentials: RequestCredentials;
};

/** A fetch stub that records each call; `answer` gives the response to the nth call (1-based). */
function recorder(answer: (nth: number) => Response = () => new Response('{}')) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // A Request input is read, never built again: building one from it would take its body.
    const request = input instanceof Request ? input : new Request(input, init);
    const { url, credentials } = request;
    calls.push({
      ...sent(input, init),
      url,
      keys: init && Object.keys(init).sort(),
      priority: init?.priority,
      credentials: init?.credentials ?? credentials,
    });
    return answer(calls.length);
  };
  return { calls, fetch };
}

describe('every member the caller set survives a rebuild (the Request handed to fetch)', () => {
  describe.each(Object.entries(SURFACES))('%s', (_, make) => {
    it.each(Object.entries(REBUILDS))('%s', async (_, rebuild) => {
      const { calls: requests, fetch } = recorder();
      const controller = new AbortController();
      const send = make({ ...quiet, origin: page.origin, ...rebuild.options(), fetch });
      await send('http://127.0.0.1:9/items', { ...members(controller.signal), ...rebuild.init() });
      const [request] = requests;
      const { signal, ...expected } = members(controller.signal);
      expect({
        cache: request?.cache,
        integrity: request?.integrity,
        keepalive: request?.keepalive,
        redirect: request?.redirect,
        referrer: request?.referrer,
        referrerPolicy: request?.referrerPolicy,
        priority: request?.priority,
      }).toEqual(expected);
      controller.abort();
      expect(request?.signal.aborted).toBe(true);
    });
  });

  it('a hop of a verified redirect', async () => {
    const { calls: requests, fetch } = recorder((nth) =>
      nth === 1 ? new Response(null, { status: 302, headers: { Location: 'http://127.0.0.1:9/next' } }) : new Response('{}'),
    );
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
        priority: request.priority,
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

describe('the referrer the transport forwards beside a Request (keepingReferrer)', () => {
  const url = 'http://127.0.0.1:9/items';
  const custom = { referrer: 'http://127.0.0.1:9/page', referrerPolicy: 'unsafe-url' } as const;
  const pick = ({ referrer, referrerPolicy, priority }: Call) => ({
    referrer,
    referrerPolicy,
    priority,
  });

  it('the client’s per-call `fetch` gets the priority and the referrer the call set', async () => {
    const { calls, fetch } = recorder();
    await createClient({ ...quiet, retry: 0 }).get(url, { fetch, priority: 'high', ...custom } as never);
    expect(calls.map(pick)).toEqual([{ ...custom, priority: 'high' }]);
  });

  it('a beforeRequest hook’s own Request: its referrer, not the client’s reset, with the call’s priority', async () => {
    const { calls, fetch } = recorder();
    const hook = () => new Request(`${url}?hooked`, { referrer: 'http://127.0.0.1:9/hook', referrerPolicy: 'origin' });
    const client = createClient({ ...quiet, retry: 0, fetch, hooks: { beforeRequest: [hook] } });
    await client.get(url, { ...custom, priority: 'low' });
    expect(calls.map(pick)).toEqual([{ referrer: 'http://127.0.0.1:9/hook', referrerPolicy: 'origin', priority: 'low' }]);
  });

  describe.each(Object.entries(SURFACES))('%s', (_, make) => {
    it('an init of keys no Request has, under the default referrer: fetch gets exactly those keys', async () => {
      const { calls, fetch } = recorder();
      const dispatcher = {};
      await make({ ...quiet, fetch })(url, { next: { revalidate: 60 } });
      await make({ ...quiet, fetch })(url, { dispatcher } as never);
      expect(calls.map(({ keys }) => keys)).toEqual([['next'], ['dispatcher']]);
    });

    it('the same keys with a referrer set: the referrer and its policy join them, as the Request has them', async () => {
      const { calls, fetch } = recorder();
      await make({ ...quiet, fetch })(url, { next: { revalidate: 60 }, ...custom });
      expect(calls.map(({ keys, referrer, referrerPolicy }) => ({ keys, referrer, referrerPolicy }))).toEqual([
        { keys: ['next', 'referrer', 'referrerPolicy'], ...custom },
      ]);
    });

    it.each([
      ['referrerPolicy: no-referrer', { referrerPolicy: 'no-referrer' }, { referrer: 'about:client', referrerPolicy: 'no-referrer' }],
      ['referrer: "" (no referrer)', { referrer: '' }, { referrer: '', referrerPolicy: '' }],
    ] as const)('%s with priority stays no referrer, not the client’s', async (_, init, expected) => {
      const { calls, fetch } = recorder();
      await make({ ...quiet, fetch })(url, { ...init, priority: 'high' });
      expect(calls.map(pick)).toEqual([{ ...expected, priority: 'high' }]);
    });
  });
});

describe('createFetch with a Request input', () => {
  const referred = (referrerPolicy: ReferrerPolicy = 'unsafe-url'): Request =>
    new Request('http://127.0.0.1:9/items', { referrer: 'http://127.0.0.1:9/page', referrerPolicy });
  /** What fetch got for one call of `createFetch(options)(request, init)`: the referrer, policy, priority and mode it sends. */
  const through = async (options: FetchOptions, request: Request, init?: RequestInit) => {
    const { calls, fetch } = recorder();
    await createFetch({ ...quiet, ...options, fetch })(request, init);
    return calls.map(({ referrer, referrerPolicy, priority, credentials }) => ({ referrer, referrerPolicy, priority, credentials }));
  };

  it('and init { priority }: the priority, and the referrer the platform’s own Request keeps', async () => {
    // A platform that knows `priority` resets the referrer (a browser does); undici does not know it, and keeps it.
    const native = new Request(referred(), { priority: 'high' });
    expect(await through({}, referred(), { priority: 'high' })).toEqual([
      { referrer: native.referrer, referrerPolicy: native.referrerPolicy, priority: 'high', credentials: 'same-origin' },
    ]);
  });

  it.skipIf(!platformKeepsReferrer)(
    'a credentials mode string sets the mode and keeps the Request’s referrer: no init of the caller’s reset it',
    async () => {
      expect(await through({ credentials: 'include' }, referred())).toEqual([
        { referrer: 'http://127.0.0.1:9/page', referrerPolicy: 'unsafe-url', priority: undefined, credentials: 'include' },
      ]);
      // The policy the caller chose for privacy survives the mode: no Referer at all, not the page's origin.
      expect(await through({ credentials: 'include' }, referred('no-referrer'))).toEqual([
        { referrer: 'http://127.0.0.1:9/page', referrerPolicy: 'no-referrer', priority: undefined, credentials: 'include' },
      ]);
    },
  );

  it('a credentials mode string with init { priority }: the mode, the priority, and the referrer the platform’s Request keeps', async () => {
    const native = new Request(referred(), { priority: 'high' });
    expect(await through({ credentials: 'include' }, referred(), { priority: 'high' })).toEqual([
      { referrer: native.referrer, referrerPolicy: native.referrerPolicy, priority: 'high', credentials: 'include' },
    ]);
  });
});
