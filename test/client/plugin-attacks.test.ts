import ky from 'ky';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  credentialsPolicy,
  isCorsPolicyError,
  isCredentialsPolicyError,
  diagnosis,
  jsonpTransport,
  minimizePreflights,
  type ClientOptions,
} from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { caught } from '../helpers/caught.js';
import { headerValue } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { COOKIE, browserLikeFetch, cookieAt } from './browser-like-fetch.js';

// A determined caller attacks the plugins: extend chains, per-call options, ky hooks, redirects, mutated or forged
// plugin objects, createFetch's Request + init, JSONP wishes. `allowed` is in the credentials policy, `other` is not;
// browserLikeFetch keeps a browser's cookie jar, so the servers show where a cookie went. Each test is an attack the
// code withstands (a promise proved), unless marked otherwise.
const { page: other, api: allowed } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/attacks/${++probe}`;
const fetchBase = { origin: 'http://app.example', onWarning: () => undefined } as const;
const base = { ...fetchBase, retry: 0 } as const;
const policy = () => credentialsPolicy({ include: [allowed.origin], otherwise: 'omit' });
const guarded = (extra: ClientOptions = {}) => createClient({ ...base, fetch: browserLikeFetch(), credentials: policy(), ...extra });

describe('extend chains around the credentials plugin', () => {
  // A child whose every call asks for include has its calls to `other` refused (nothing sent); otherwise they go without a cookie.
  type Child = (parent: ReturnType<typeof guarded>) => ReturnType<typeof guarded>;
  const children: [string, Child, null | 'not sent'][] = [
    ['extend({ credentials: undefined })', (parent) => parent.extend({ credentials: undefined } as never), null],
    [
      "extend(parent => ({ ...parent, credentials: 'include' }))",
      (parent) => parent.extend((options) => ({ ...options, credentials: 'include' })),
      'not sent',
    ],
    [
      "extend({ credentials: 'same-origin' }).extend({ credentials: 'include' })",
      (parent) => parent.extend({ credentials: 'same-origin' }).extend({ credentials: 'include' }),
      'not sent',
    ],
    ['extend({ fetch }) with a new sending fetch', (parent) => parent.extend({ fetch: browserLikeFetch() }), null],
  ];
  for (const [what, make, byDefaultAtOther] of children) {
    it(`${what} keeps the policy: include asked is refused, no cookie reaches the other origin`, async () => {
      const child = make(guarded());
      const [asked, byDefault, kept] = [path(), path(), path()];
      const refused = await caught(child.get(`${other.origin}${asked}`, { credentials: 'include' }));
      expect(isCredentialsPolicyError(refused)).toBe(true);
      const plain = await caught(child.get(`${other.origin}${byDefault}`));
      expect(isCredentialsPolicyError(plain)).toBe(byDefaultAtOther === 'not sent');
      await child.get(`${allowed.origin}${kept}`);
      expect([cookieAt(other, asked), cookieAt(other, byDefault), cookieAt(allowed, kept)]).toEqual(['not sent', byDefaultAtOther, COOKIE]);
    });
  }

  it('extend({ hooks: beforeRequest }) returning a new Request with credentials include toward another origin is refused', async () => {
    const target = path();
    const child = guarded().extend({
      hooks: { beforeRequest: [() => new Request(`${other.origin}${target}`, { credentials: 'include' })] },
    });
    const error = await caught(child.get(`${allowed.origin}${path()}`));
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect(cookieAt(other, target)).toBe('not sent');
  });

  it('a beforeRequest hook that only retargets the URL gets the policy of the new origin (no cookie)', async () => {
    const target = path();
    const child = guarded().extend({ hooks: { beforeRequest: [({ request }) => new Request(`${other.origin}${target}`, request)] } });
    await child.get(`${allowed.origin}${path()}`);
    expect(cookieAt(other, target)).toBe(null);
  });
});

describe('per-call options against the credentials plugin', () => {
  it('a per-call fetch sends under the policy, not around it', async () => {
    const [asked, byDefault] = [path(), path()];
    const api = guarded();
    const error = await caught(api.get(`${other.origin}${asked}`, { credentials: 'include', fetch: browserLikeFetch() }));
    expect(isCredentialsPolicyError(error)).toBe(true);
    await api.get(`${other.origin}${byDefault}`, { fetch: browserLikeFetch() });
    expect([cookieAt(other, asked), cookieAt(other, byDefault)]).toEqual(['not sent', null]);
  });

  it('the internal crosswiseFetch key given per call still sends under the policy', async () => {
    const [asked, byDefault] = [path(), path()];
    const api = guarded();
    const sneaky = { crosswiseFetch: browserLikeFetch() } as never as object;
    const error = await caught(api.get(`${other.origin}${asked}`, { credentials: 'include', ...sneaky }));
    expect(isCredentialsPolicyError(error)).toBe(true);
    await api.get(`${other.origin}${byDefault}`, sneaky);
    expect([cookieAt(other, asked), cookieAt(other, byDefault)]).toEqual(['not sent', null]);
  });

  it("a Request input carrying credentials: 'include' toward another origin is refused, nothing sent", async () => {
    const target = path();
    const error = await caught(guarded().get(new Request(`${other.origin}${target}`, { credentials: 'include' })));
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect(cookieAt(other, target)).toBe('not sent');
  });

  it('a per-call baseUrl or prefix pointing at another origin meets the policy of that origin', async () => {
    const [viaBase, viaPrefix] = [path(), path()];
    const api = guarded({ baseUrl: `${allowed.origin}/` });
    const error = await caught(api.get(viaBase.slice(1), { baseUrl: `${other.origin}/`, credentials: 'include' }));
    expect(isCredentialsPolicyError(error)).toBe(true);
    await api.get(viaPrefix.slice(1), { prefix: `${other.origin}/` });
    expect([cookieAt(other, viaBase), cookieAt(other, viaPrefix)]).toEqual(['not sent', null]);
  });

  it('an afterResponse hook forcing a retry to another origin with credentials include is refused', async () => {
    const target = path();
    const api = guarded({ retry: { limit: 1, delay: () => 0 } });
    const error = await caught(
      api.get(`${allowed.origin}${path()}`, {
        hooks: {
          afterResponse: [
            ({ retryCount }) =>
              retryCount === 0 ? ky.retry({ request: new Request(`${other.origin}${target}`, { credentials: 'include' }) }) : undefined,
          ],
        },
      }),
    );
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect(cookieAt(other, target)).toBe('not sent');
  });
  it('a beforeRetry hook replacing the retried request with a credentialed one toward another origin is refused', async () => {
    const [failing, target] = [path(), path()];
    allowed.route(failing, () => ({ status: 503 }));
    const api = guarded({ retry: { limit: 1, delay: () => 0 } });
    const error = await caught(
      api.get(`${allowed.origin}${failing}`, {
        hooks: { beforeRetry: [() => new Request(`${other.origin}${target}`, { credentials: 'include' })] },
      }),
    );
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect([allowed.recordsUnder(failing).length, cookieAt(other, target)]).toEqual([1, 'not sent']);
  });
});

describe('redirects out of the allowlist', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} of a credentialed POST toward another origin carries no cookie there; asked for include, it is not followed`, async () => {
      const [from, to, askedFrom, askedTo] = [path(), path(), path(), path()];
      allowed.route(from, () => ({ status, headers: { Location: `${other.origin}${to}` } }));
      allowed.route(askedFrom, () => ({ status, headers: { Location: `${other.origin}${askedTo}` } }));
      const api = guarded();
      const response = await api.post(`${allowed.origin}${from}`, { body: 'payload' });
      expect(response.status).toBe(200);
      const error = await caught(api.post(`${allowed.origin}${askedFrom}`, { body: 'payload', credentials: 'include' }));
      expect(isCredentialsPolicyError(error) && error.code).toBe('redirect_not_allowlisted');
      expect([cookieAt(allowed, from), cookieAt(other, to), cookieAt(other, askedTo)]).toEqual([COOKIE, null, 'not sent']);
      // 307 and 308 keep the method and the body; the others turn the POST into a GET.
      const hop = other.recordsUnder(to)[0];
      expect([hop?.method, hop?.body.toString()]).toEqual(status >= 307 ? ['POST', 'payload'] : ['GET', '']);
    });
  }

  for (const location of ['data:text/plain,leak', 'javascript:alert(1)', 'file:///etc/passwd']) {
    it(`a redirect to ${location.split(':')[0]}: is a TypeError (a network error, as in a browser), never followed`, async () => {
      const from = path();
      allowed.route(from, () => ({ status: 302, headers: { Location: location } }));
      const error = await caught(guarded().get(`${allowed.origin}${from}`));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/redirect to/);
    });
  }

  // WHATWG URL reads `/\\host` as `//host` for http(s): the policy must judge the origin the platform would go to.
  for (const [what, location] of [
    ['protocol-relative', (to: string) => `//${new URL(other.origin).host}${to}`],
    ['backslash', (to: string) => `/\\${new URL(other.origin).host}${to}`],
  ] as const) {
    it(`a ${what} Location toward another origin carries no cookie there`, async () => {
      const [from, to] = [path(), path()];
      allowed.route(from, () => ({ status: 302, headers: { Location: location(to) } }));
      await guarded().get(`${allowed.origin}${from}`);
      expect([cookieAt(allowed, from), cookieAt(other, to)]).toEqual([COOKIE, null]);
    });
  }

  it('a redirect loop inside the allowlist stops after 20 hops with a TypeError', async () => {
    const loop = path();
    allowed.route(loop, () => ({ status: 302, headers: { Location: `${allowed.origin}${loop}` } }));
    const error = await caught(guarded().get(`${allowed.origin}${loop}`));
    expect(error).toBeInstanceOf(TypeError);
    expect(allowed.recordsUnder(loop)).toHaveLength(21);
  });

  it('a redirect through a URL with userinfo toward another origin sends nothing there', async () => {
    const [from, to] = [path(), path()];
    const withUser = new URL(`${other.origin}${to}`);
    withUser.username = 'user';
    withUser.password = 'pass';
    allowed.route(from, () => ({ status: 302, headers: { Location: withUser.href } }));
    const error = await caught(guarded().get(`${allowed.origin}${from}`, { credentials: 'include' }));
    expect(error).toBeInstanceOf(Error);
    expect(cookieAt(other, to)).toBe('not sent');
  });

  it('an Authorization header set for the allowlisted origin does not follow a redirect to another one', async () => {
    const [from, to] = [path(), path()];
    allowed.route(from, () => ({ status: 307, headers: { Location: `${other.origin}${to}` } }));
    await guarded().get(`${allowed.origin}${from}`, { headers: { Authorization: 'Bearer secret' } });
    const hop = other.recordsUnder(to)[0];
    expect(hop === undefined ? 'not sent' : [headerValue(hop, 'authorization'), headerValue(hop, 'cookie')]).toEqual([null, null]);
  });
});

describe('the plugin object, mutated or forged', () => {
  it('the plugin and its policy are frozen: its code cannot be replaced after creation', () => {
    const plugin = credentialsPolicy({ include: [allowed.origin] }) as unknown as Record<string, unknown>;
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin['policy'])).toBe(true);
    expect(() => {
      plugin['apply'] = () => undefined;
    }).toThrow(TypeError);
  });

  // Was a bug: credentialsPolicy() froze the policy object but kept the caller's arrays: pushing to `include` after the
  // plugin was made (or through `client.options.credentials.policy.include`) widened the allowlist, unvalidated.
  it('an include list mutated after credentialsPolicy() returned does not widen the allowlist', async () => {
    const include = [allowed.origin];
    const api = createClient({ ...base, fetch: browserLikeFetch(), credentials: credentialsPolicy({ include, otherwise: 'omit' }) });
    include.push(other.origin);
    const target = path();
    const error = await caught(api.get(`${other.origin}${target}`, { credentials: 'include' }));
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect(cookieAt(other, target)).toBe('not sent');
  });

  it('the policy read back from client.options cannot be widened: its lists are frozen', async () => {
    const api = guarded();
    const { policy: read } = api.options.credentials as unknown as { policy: { include: string[] } };
    expect(() => read.include.push(other.origin)).toThrow(TypeError);
    const target = path();
    await api.get(`${other.origin}${target}`);
    expect(cookieAt(other, target)).toBe(null);
  });

  it('a JSONP origins list mutated after jsonpTransport() returned does not widen it', async () => {
    const origins = [allowed.origin];
    const api = createClient({ ...base, fetch: browserLikeFetch(), jsonp: jsonpTransport({ origins }) });
    origins.push(other.origin);
    const target = path();
    await expect(api.get(`${other.origin}${target}`, { transport: 'jsonp' })).rejects.toThrow(/jsonp\.origins/);
    expect(other.recordsUnder(target)).toHaveLength(0);
  });

  // Was a bug: minimizePreflights() froze its options object but kept the caller's headersToQuery record: an entry added
  // later, unvalidated, moved that header (here a token) into every cross-origin URL, where logs keep it.
  it('a headersToQuery record mutated after minimizePreflights() returned moves no other header into the URL', async () => {
    const headersToQuery: Record<string, string> = { 'x-request-id': 'rid' };
    const api = createClient({ ...base, fetch: browserLikeFetch(), minimize: minimizePreflights({ headersToQuery }) });
    headersToQuery['authorization'] = 'token';
    const target = path();
    await api.get(`${other.origin}${target}`, { headers: { Authorization: 'Bearer secret', 'X-Request-Id': '7' } });
    const sent = other.recordsUnder(target)[0];
    expect(sent?.path).toBe(`${target}?rid=7`);
    expect(sent === undefined ? 'not sent' : headerValue(sent, 'authorization')).toBe('Bearer secret');
  });

  it('a Proxy whose brand getter throws fails the client at creation with what the getter threw, and nothing is sent', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new TypeError('hostile getter');
        },
      },
    );
    expect(() => createClient({ ...base, credentials: hostile as never })).toThrow(/hostile getter/);
  });
});

describe('createFetch: a Request and an init', () => {
  it("a Request with credentials 'include' toward another origin, with or without an init, is refused before sending", async () => {
    const apiFetch = createFetch({ ...fetchBase, fetch: browserLikeFetch(), credentials: policy() });
    const [bare, withInit, overridden] = [path(), path(), path()];
    const errors = await Promise.all([
      caught(apiFetch(new Request(`${other.origin}${bare}`, { credentials: 'include' }))),
      caught(apiFetch(new Request(`${other.origin}${withInit}`, { credentials: 'include' }), { headers: { 'X-A': '1' } })),
      caught(apiFetch(new Request(`${other.origin}${overridden}`, { credentials: 'omit' }), { credentials: 'include' })),
    ]);
    expect(errors.map(isCredentialsPolicyError)).toEqual([true, true, true]);
    expect([bare, withInit, overridden].map((at) => cookieAt(other, at))).toEqual(['not sent', 'not sent', 'not sent']);
  });

  it('a fetch or crosswiseFetch key in a call’s init does not replace the sending fetch', async () => {
    const bypass = browserLikeFetch();
    const apiFetch = createFetch({ ...fetchBase, fetch: browserLikeFetch(), credentials: policy() });
    const target = path();
    await apiFetch(`${other.origin}${target}`, { fetch: bypass, crosswiseFetch: bypass } as RequestInit);
    expect(bypass.hops).toEqual([]);
    expect(cookieAt(other, target)).toBe(null);
  });

  it('a redirect followed by createFetch under the policy keeps the cookie off the other origin, for a Request input too', async () => {
    const [from, to] = [path(), path()];
    allowed.route(from, () => ({ status: 308, headers: { Location: `${other.origin}${to}` } }));
    const apiFetch = createFetch({ ...fetchBase, fetch: browserLikeFetch(), credentials: policy() });
    const response = await apiFetch(new Request(`${allowed.origin}${from}`, { method: 'PUT', body: 'x' }));
    expect(response.status).toBe(200);
    expect([cookieAt(allowed, from), cookieAt(other, to)]).toEqual([COOKIE, null]);
  });
});

describe('strict mode sends nothing', () => {
  it('a header added by a beforeRequest hook is judged: strict refuses, nothing is sent', async () => {
    const target = path();
    const api = guarded({
      cors: 'strict',
      hooks: { beforeRequest: [({ request }) => void request.headers.set('X-Added', '1')] },
    });
    const error = await caught(api.get(`${other.origin}${target}`));
    expect(isCorsPolicyError(error)).toBe(true);
    expect(other.recordsUnder(target)).toHaveLength(0);
  });

  it('createFetch in strict mode refuses a preflighted call again after a clean one to the same URL', async () => {
    const apiFetch = createFetch({ ...fetchBase, fetch: browserLikeFetch(), cors: 'strict' });
    const target = path();
    await apiFetch(`${other.origin}${target}`);
    const error = await caught(apiFetch(`${other.origin}${target}`, { method: 'PUT' }));
    expect(isCorsPolicyError(error)).toBe(true);
    expect(other.recordsUnder(target).map((record) => record.method)).toEqual(['GET']);
  });
});

describe('JSONP only to listed origins', () => {
  const legacy = () => jsonpTransport({ origins: [allowed.origin], credentials: 'include' });

  it('a fallback toward an unlisted origin is refused before the fetch itself is sent', async () => {
    const target = path();
    const api = createClient({ ...base, fetch: browserLikeFetch(), jsonp: legacy() });
    await expect(api.get(`${other.origin}${target}`, { fallback: 'jsonp' })).rejects.toThrow(/jsonp\.origins/);
    expect(other.recordsUnder(target)).toHaveLength(0);
  });

  it('a beforeRequest hook retargeting a JSONP call to an unlisted origin is refused', async () => {
    const target = path();
    const api = createClient({
      ...base,
      fetch: browserLikeFetch(),
      jsonp: legacy(),
      hooks: { beforeRequest: [() => new Request(`${other.origin}${target}`)] },
    });
    await expect(api.get(`${allowed.origin}${path()}`, { transport: 'jsonp' })).rejects.toThrow(/jsonp\.origins/);
    expect(other.recordsUnder(target)).toHaveLength(0);
  });

  it('a JSONP POST, and createFetch’s JSONP toward an unlisted origin, are refused with a TypeError', async () => {
    const api = createClient({ ...base, fetch: browserLikeFetch(), jsonp: legacy() });
    await expect(api.post(`${allowed.origin}${path()}`, { transport: 'jsonp' } as never)).rejects.toThrow(/GET only/);
    const apiFetch = createFetch({ ...fetchBase, fetch: browserLikeFetch(), jsonp: legacy() });
    const target = path();
    await expect(apiFetch(`${other.origin}${target}`, { transport: 'jsonp' })).rejects.toThrow(TypeError);
    expect(other.recordsUnder(target)).toHaveLength(0);
  });

  it('JSONP toward a listed origin the credentials policy keeps cookies from is refused: a script tag would send them', async () => {
    const api = createClient({
      ...base,
      fetch: browserLikeFetch(),
      credentials: credentialsPolicy({ include: [], otherwise: 'omit' }),
      jsonp: jsonpTransport({ origins: [other.origin] }),
    });
    const target = path();
    const error = await caught(api.get(`${other.origin}${target}`, { fallback: 'jsonp' }));
    expect(isCredentialsPolicyError(error) && error.code).toBe('jsonp_sends_cookies');
    expect(other.recordsUnder(target)).toHaveLength(0);
  });
});

describe('jsonpTransport() and diagnosis() keep the options they checked', () => {
  // A getter read once by the check and again by the copy could pass a value through the check and keep another.
  const flipping = <T>(first: T, later: unknown): (() => T) => {
    let reads = 0;
    return () => (++reads === 1 ? first : (later as T));
  };

  it('jsonpTransport reads origins and credentials once', () => {
    const origins = flipping(['https://legacy.example'], ['https://attacker.example']);
    const credentials = flipping('include' as const, 'omit');
    const plugin = jsonpTransport({
      get origins() {
        return origins();
      },
      get credentials() {
        return credentials();
      },
    });
    expect(plugin.options.origins).toEqual(['https://legacy.example']);
    expect(plugin.options.credentials).toBe('include');
    expect(Object.isFrozen(plugin.options.origins)).toBe(true);
  });

  it('diagnosis reads its timeout and probe once', () => {
    const timeout = flipping(250, -1);
    const probe = flipping('/__crosswise/probe', '');
    const plugin = diagnosis({
      get timeout() {
        return timeout();
      },
      get probe() {
        return probe();
      },
    });
    expect(plugin.options.timeout).toBe(250);
    expect(plugin.options.probe).toBe('/__crosswise/probe');
  });
});
