import { beforeAll, describe, expect, it } from 'vitest';
import { createFetch, credentialsPolicy, minimizePreflights } from '../../src/fetch/index.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// Node's fetch takes a non-standard init key, `dispatcher` (undici's), that the Request constructor does not keep
// everywhere: a Request built from scratch (a minimize rewrite, the next hop of a verified redirect) drops it. createFetch
// must hand the caller's own fetch keys to the platform on every path. The dispatcher here is real: it passes each
// dispatch on to Node's own undici agent, which sends it to the loopback servers, and records what went through it.
const { page, api } = useTwoOrigins();

interface Dispatch {
  origin?: unknown;
  path?: unknown;
  method?: unknown;
}
interface Dispatcher {
  dispatch(options: Dispatch, handler: unknown): boolean;
}

let platformAgent: Dispatcher;
beforeAll(async () => {
  // Node creates its global undici agent at the first fetch; it sits under this well-known symbol.
  await (await fetch(`${api.origin}/probe/dispatcher/warm-up`)).text();
  platformAgent = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')] as Dispatcher;
});

/** A dispatcher of the caller's own: every request it dispatches is recorded as `METHOD origin path`. */
function recordingDispatcher(): Dispatcher & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    dispatch(options, handler) {
      seen.push(`${String(options.method)} ${String(options.origin)}${String(options.path)}`);
      return platformAgent.dispatch(options, handler);
    },
  };
}

let probe = 0;
const path = (): string => `/probe/dispatcher/${++probe}`;
const quiet = { onWarning: () => undefined, engine: 'chromium' } as const;

describe('createFetch keeps the caller’s own fetch keys (undici’s dispatcher) on every path', () => {
  it('a call no policy touches', async () => {
    const dispatcher = recordingDispatcher();
    const apiFetch = createFetch({ origin: page.origin, ...quiet });
    const target = path();
    expect((await apiFetch(`${api.origin}${target}`, { dispatcher } as RequestInit)).status).toBe(200);
    expect(dispatcher.seen).toEqual([`GET ${api.origin}${target}`]);
  });

  it('a call the minimize policy rewrites (the Request is built anew)', async () => {
    const dispatcher = recordingDispatcher();
    const apiFetch = createFetch({
      origin: page.origin,
      ...quiet,
      minimize: minimizePreflights({ headersToQuery: { 'x-client-version': 'v' } }),
    });
    const target = path();
    await apiFetch(`${api.origin}${target}`, { dispatcher, headers: { 'X-Client-Version': '7' } } as RequestInit);
    expect(dispatcher.seen).toEqual([`GET ${api.origin}${target}?v=7`]);
    expect(api.recordsUnder(target).map((record) => record.path)).toEqual([`${target}?v=7`]);
  });

  it('a credentialed call whose redirects the credentials policy verifies, hop by hop', async () => {
    const dispatcher = recordingDispatcher();
    const apiFetch = createFetch({ origin: page.origin, ...quiet, credentials: credentialsPolicy({ include: [api.origin, page.origin] }) });
    const [first, second] = [path(), path()];
    api.route(first, () => ({ status: 307, headers: { Location: `${page.origin}${second}` } }));
    const response = await apiFetch(`${api.origin}${first}`, { dispatcher, method: 'POST', body: 'kept' } as RequestInit);
    expect(response.status).toBe(200);
    expect(dispatcher.seen).toEqual([`POST ${api.origin}${first}`, `POST ${page.origin}${second}`]);
    expect(page.recordsUnder(second).map((record) => record.body.toString())).toEqual(['kept']);
  });

  it('a call whose credentials the policy changes, and a Request input with an init', async () => {
    const dispatcher = recordingDispatcher();
    const apiFetch = createFetch({ origin: page.origin, ...quiet, credentials: credentialsPolicy({ include: [], otherwise: 'omit' }) });
    const [changed, fromRequest] = [path(), path()];
    await apiFetch(`${api.origin}${changed}`, { dispatcher, credentials: 'same-origin' } as RequestInit);
    await apiFetch(new Request(`${api.origin}${fromRequest}`), { dispatcher } as RequestInit);
    expect(dispatcher.seen).toEqual([`GET ${api.origin}${changed}`, `GET ${api.origin}${fromRequest}`]);
  });

  it('a call createFetch’s mode string applies to (the init is copied)', async () => {
    const dispatcher = recordingDispatcher();
    const apiFetch = createFetch({ origin: page.origin, ...quiet, credentials: 'omit' });
    const target = path();
    await apiFetch(`${api.origin}${target}`, { dispatcher } as RequestInit);
    expect(dispatcher.seen).toEqual([`GET ${api.origin}${target}`]);
  });
});
