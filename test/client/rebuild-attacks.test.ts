import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetch, type FetchOptions } from '../../src/fetch/index.js';
import { createClient, CredentialsPolicyError, credentialsPolicy, minimizePreflights } from '../../src/index.js';
import { REBUILDS, SURFACES } from '../helpers/rebuilds.js';
import { createRecordingServer, headerValue, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { sent, type Read } from '../helpers/sent-request.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// The attacker's tests of request rebuilds (src/client/rebuild.ts: the credentials policy's mode, a minimize
// rewrite, each hop of a verified redirect): nothing the caller set is dropped and nothing added, a redirect chain
// never takes the cookie or a token to an origin off the allowlist, a stream body survives, and aborting the caller's
// signal after the rebuild aborts what was really sent. Three loopback servers: the page, the API, another origin.
const { page, api } = useTwoOrigins();
let other: RecordingServer;
beforeAll(async () => {
  other = await createRecordingServer();
});
afterAll(async () => {
  await other.close();
});

let probe = 0;
const path = (): string => `/probe/rebuild-attacks/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;
const redirectTo =
  (location: () => string, status = 302) =>
  (): { status: number; headers: Record<string, string> } => ({ status, headers: { Location: location() } });
const secrets = (request: RecordedRequest | undefined): string[] =>
  request === undefined
    ? []
    : [
        headerValue(request, 'cookie') ?? '',
        headerValue(request, 'authorization') ?? '',
        headerValue(request, 'proxy-authorization') ?? '',
        request.path,
      ].filter((text) => /session=|secret|token/.test(text));

describe('a verified redirect chain', () => {
  const policy = () => credentialsPolicy({ include: [api.origin], otherwise: 'omit' });
  for (const [surface, build] of Object.entries(SURFACES)) {
    const make = (options: FetchOptions) => build({ ...quiet, origin: page.origin, ...options });
    it(`${surface}: the cookie, Authorization and a minimized token never reach an origin off the allowlist`, async () => {
      const [start, middle, end] = [path(), path(), path()];
      api.route(
        start,
        redirectTo(() => `${api.origin}${middle}`, 307),
      );
      api.route(
        middle,
        redirectTo(() => `${other.origin}${end}`),
      );
      const send = make({
        credentials: policy(),
        minimize: minimizePreflights({ headersToQuery: { 'x-api-key': 'key' } }),
      });
      const headers = { Cookie: 'session=1', Authorization: 'Bearer secret', 'X-Api-Key': 'token' };
      const response = await send(`${api.origin}${start}`, { headers });
      expect(response.status).toBe(200);
      // The API got them on both of its hops (the key in the query, as declared); the other origin got none.
      expect(headerValue(api.recordsUnder(start)[0] as RecordedRequest, 'cookie')).toBe('session=1');
      expect(headerValue(api.recordsUnder(middle)[0] as RecordedRequest, 'cookie')).toBe('session=1');
      expect(other.recordsUnder(end)).toHaveLength(1);
      expect(secrets(other.recordsUnder(end)[0])).toEqual([]);
      expect(other.recordsUnder(end)[0]?.path).toBe(end);
    });

    it(`${surface}: asked for credentials explicitly, an off-list hop is refused and nothing reaches it`, async () => {
      const [start, end] = [path(), path()];
      api.route(
        start,
        redirectTo(() => `${other.origin}${end}`, 308),
      );
      const send = make({ credentials: policy() });
      const failure = await send(`${api.origin}${start}`, {
        credentials: 'include',
        headers: { Cookie: 'session=1' },
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CredentialsPolicyError);
      expect(other.recordsUnder(end)).toHaveLength(0);
    });

    it(`${surface}: a chain that comes back to the API after another origin carries no cookie back either`, async () => {
      const [start, away, back] = [path(), path(), path()];
      api.route(
        start,
        redirectTo(() => `${other.origin}${away}`),
      );
      other.route(
        away,
        redirectTo(() => `${api.origin}${back}`),
      );
      const send = make({ credentials: policy() });
      await send(`${api.origin}${start}`, { headers: { Cookie: 'session=1', Authorization: 'Bearer secret' } });
      expect(secrets(other.recordsUnder(away)[0])).toEqual([]);
      // Once it left for another origin the platform follows the rest, with what that hop carried: nothing secret.
      expect(api.recordsUnder(back)).toHaveLength(1);
      expect(secrets(api.recordsUnder(back)[0])).toEqual([]);
    });
  }
});

describe('a stream body through a rebuild', () => {
  const stream = (text: string): ReadableStream<Uint8Array> =>
    new ReadableStream({
      start(controller) {
        for (const part of text.match(/.{1,7}/g) ?? []) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });

  it('the credentials policy’s rebuild sends the whole stream, with duplex as the caller set it', async () => {
    const target = path();
    const apiFetch = createFetch({ ...quiet, origin: page.origin, credentials: credentialsPolicy({ otherwise: 'omit' }) });
    const body = 'a streamed body, '.repeat(20);
    const response = await apiFetch(`${api.origin}${target}`, { method: 'POST', body: stream(body), duplex: 'half' } as RequestInit);
    expect(response.status).toBe(200);
    expect(api.recordsUnder(target)[0]?.body.toString()).toBe(body);
  });

  it('a 307 hop of a verified redirect sends the stream’s body again, whole', async () => {
    const [start, next] = [path(), path()];
    api.route(
      start,
      redirectTo(() => `${api.origin}${next}`, 307),
    );
    const apiFetch = createFetch({ ...quiet, origin: page.origin, credentials: credentialsPolicy({ include: [api.origin] }) });
    const body = 'replayed '.repeat(30);
    const response = await apiFetch(`${api.origin}${start}`, {
      method: 'POST',
      body: stream(body),
      duplex: 'half',
      credentials: 'include',
    } as RequestInit);
    expect(response.status).toBe(200);
    expect(api.recordsUnder(start)[0]?.body.toString()).toBe(body);
    expect(api.recordsUnder(next)[0]?.body.toString()).toBe(body);
  });
});

describe('nothing added the caller did not set', () => {
  it('a rebuild of a call that set no referrer, cache, integrity, keepalive or priority sends the defaults', async () => {
    // Read as fetch builds its Request (sent()): a stub's `new Request(input, init)` loses the referrer under Node 24.
    const seen: (Read & { mode: RequestMode })[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      seen.push({ ...sent(input, init), mode: new Request(input, init).mode });
      return new Response('{}');
    };
    const plain = new Request('http://127.0.0.1:9/items');
    for (const { options, init } of Object.values(REBUILDS))
      for (const make of Object.values(SURFACES)) await make({ ...quiet, fetch, ...options() })('http://127.0.0.1:9/items', init());
    expect(seen).toHaveLength(Object.keys(REBUILDS).length * Object.keys(SURFACES).length);
    for (const request of seen)
      expect({
        cache: request.cache,
        integrity: request.integrity,
        keepalive: request.keepalive,
        redirect: request.redirect,
        referrer: request.referrer,
        referrerPolicy: request.referrerPolicy,
        mode: request.mode,
      }).toEqual({
        cache: plain.cache,
        integrity: plain.integrity,
        keepalive: plain.keepalive,
        redirect: plain.redirect,
        referrer: plain.referrer,
        referrerPolicy: plain.referrerPolicy,
        mode: plain.mode,
      });
  });
});

describe("aborting the caller's signal after the rebuild aborts the real request", () => {
  const hang = (): Promise<never> => new Promise(() => undefined);
  // Each rebuild, and where its call starts to reach `target`: a redirect's hop is sent one hop after the call.
  const cases = [
    ...Object.entries(REBUILDS).map(([name, rebuild]) => ({ name, ...rebuild, start: (target: string) => target })),
    {
      name: 'a hop of a verified redirect',
      options: () => ({ credentials: credentialsPolicy({ include: [api.origin] }) }),
      init: () => ({ credentials: 'include' as const }),
      start: (target: string) => {
        const first = path();
        api.route(
          first,
          redirectTo(() => `${api.origin}${target}`),
        );
        return first;
      },
    },
  ];
  for (const { name, options, init, start } of cases)
    for (const [surface, make] of Object.entries(SURFACES))
      it(`${name} (${surface})`, async () => {
        const target = path();
        let arrived: () => void = () => undefined;
        const reached = new Promise<void>((resolve) => {
          arrived = resolve;
        });
        api.route(target, () => (arrived(), hang()));
        const controller = new AbortController();
        const send = make({ ...quiet, origin: page.origin, ...options() });
        const call = send(`${api.origin}${start(target)}`, { ...init(), signal: controller.signal });
        const settled = call.then(
          () => 'resolved',
          (error: unknown) => (error as Error).name,
        );
        await reached;
        controller.abort();
        expect(await settled).toBe('AbortError');
      });
});

describe("minimize's headersToQuery never moves a header it did not check into the URL", () => {
  it('a Proxy that lists Authorization only after the check moves nothing but what was checked', async () => {
    let looks = 0;
    const mapping: Record<string, string> = { 'x-request-id': 'rid', authorization: 'token' };
    const headersToQuery = new Proxy(mapping, {
      ownKeys: () => (++looks === 1 ? ['x-request-id'] : ['x-request-id', 'authorization']),
    });
    const target = path();
    const apiFetch = createFetch({ ...quiet, origin: page.origin, minimize: minimizePreflights({ headersToQuery }) });
    await apiFetch(`${api.origin}${target}`, { headers: { Authorization: 'Bearer secret', 'X-Request-Id': '7' } });
    const sent = api.recordsUnder(target)[0];
    expect(sent?.path).toBe(`${target}?rid=7`);
    expect(sent === undefined ? 'not sent' : headerValue(sent, 'authorization')).toBe('Bearer secret');
  });

  it('an already-aborted signal sends nothing, rewritten or not', async () => {
    const target = path();
    const signal = AbortSignal.abort();
    const options = {
      ...quiet,
      origin: page.origin,
      credentials: credentialsPolicy({ include: [api.origin] }),
      minimize: minimizePreflights({ headersToQuery: { 'x-api-key': 'key' } }),
    };
    const init = { headers: { 'X-Api-Key': 'k' }, credentials: 'include' as const, signal };
    const fromFetch = await createFetch(options)(`${api.origin}${target}`, init).catch((error: Error) => error.name);
    const fromClient = await createClient({ ...options, retry: 0 })
      .get(`${api.origin}${target}`, init)
      .catch((error: Error) => error.name);
    expect([fromFetch, fromClient]).toEqual(['AbortError', 'AbortError']);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });
});

describe('credentialsPolicy() keeps the policy it checked', () => {
  it('an allowlist or mode that answers the check one way and the copy another is read once', () => {
    let looks = 0;
    const include = new Proxy(['https://api.example'], {
      get: (target, key, receiver) => (key === '0' && ++looks > 1 ? 'not an origin' : Reflect.get(target, key, receiver)),
    });
    let reads = 0;
    const policy = {
      include,
      get otherwise() {
        return ++reads === 1 ? ('omit' as const) : ('bogus' as 'omit');
      },
    };
    const plugin = credentialsPolicy(policy);
    expect(plugin.policy.include).toEqual(['https://api.example']);
    expect(plugin.policy.otherwise).toBe('omit');
  });
});
