import { describe, expect, it } from 'vitest';
import {
  createClient,
  credentialsPolicy,
  diagnosis,
  isCredentialsPolicyError,
  jsonpTransport,
  minimizePreflights,
  type ClientOptions,
} from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { COOKIE, browserLikeFetch, cookieAt } from './browser-like-fetch.js';

// The opt-in features are plugins now. The plain option objects of crosswise 0.1 must fail, never be ignored: a
// credentials policy dropped silently would send the cookie everywhere. `allowed` is in the policy, `other` is not;
// the fetch under the client keeps a browser's cookie jar, so the servers show where a cookie went.
const { page: other, api: allowed } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/plugins/${++probe}`;
const fetchBase = { origin: 'http://app.example', onWarning: () => undefined } as const;
const base = { ...fetchBase, retry: 0 } as const;

const OLD_SHAPES: [string, Record<string, unknown>, string][] = [
  ['credentials', { credentials: { include: ['https://api.example'], otherwise: 'omit' } }, 'credentialsPolicy'],
  ['credentials (empty)', { credentials: {} }, 'credentialsPolicy'],
  ['credentials (null)', { credentials: null }, 'credentialsPolicy'],
  ['jsonp', { jsonp: { origins: ['https://legacy.example'] } }, 'jsonpTransport'],
  ['minimize', { minimize: { jsonAsText: true } }, 'minimizePreflights'],
  ['diagnose', { diagnose: { probe: '/__crosswise/probe' } }, 'diagnosis'],
  ['a plugin in the wrong option', { jsonp: credentialsPolicy({ include: ['https://api.example'] }) }, 'jsonpTransport'],
  ['a look-alike without the brand', { credentials: { policy: { include: [] }, apply: () => undefined } }, 'credentialsPolicy'],
];

describe('an option of crosswise 0.1 given as plain data', () => {
  for (const [what, options, factory] of OLD_SHAPES) {
    it(`${what}: createClient, extend and createFetch refuse it with a TypeError naming ${factory}`, () => {
      const message = new RegExp(`takes the plugin ${factory}\\(\\) makes.*docs/client\\.md#plugins`);
      expect(() => createClient(options as ClientOptions)).toThrow(TypeError);
      expect(() => createClient(options as ClientOptions)).toThrow(message);
      expect(() => createClient(base).extend(options as ClientOptions)).toThrow(message);
      expect(() => createFetch(options as never)).toThrow(message);
    });
  }

  it('a plugin factory refuses malformed options with the errors option checks gave before', () => {
    expect(() => credentialsPolicy({ include: ['api.example'] })).toThrow(/`credentials.include` holds "api.example"/);
    expect(() => jsonpTransport({ origins: 'x' as never })).toThrow(TypeError);
    expect(() => minimizePreflights({ methodOverride: 'a b' })).toThrow(/`minimize.methodOverride`/);
    expect(() => diagnosis({ timeout: 0 })).toThrow(RangeError);
  });
});

describe('the credentials plugin, attacked', () => {
  const policy = () => credentialsPolicy({ include: [allowed.origin], otherwise: 'omit' });

  it('with the policy, no shape of call takes the cookie to an origin outside it', async () => {
    const fetch = browserLikeFetch();
    const api = createClient({ ...base, fetch, credentials: policy() });
    const [asked, byDefault, allowedPath] = [path(), path(), path()];
    const refused: unknown = await api.get(`${other.origin}${asked}`, { credentials: 'include' }).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(refused)).toBe(true);
    await api.get(`${other.origin}${byDefault}`);
    await api.get(`${allowed.origin}${allowedPath}`);
    expect({ asked: cookieAt(other, asked), byDefault: cookieAt(other, byDefault), allowed: cookieAt(allowed, allowedPath) }).toEqual({
      asked: 'not sent',
      byDefault: null,
      allowed: COOKIE,
    });
  });

  it('a child made by extend keeps the policy, even when it sets credentials: include for every call', async () => {
    const fetch = browserLikeFetch();
    const child = createClient({ ...base, fetch, credentials: policy() }).extend({ credentials: 'include' });
    const target = path();
    const error: unknown = await child.get(`${other.origin}${target}`).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(error)).toBe(true);
    expect(cookieAt(other, target)).toBe('not sent');
  });

  it('a per-call policy object is no way around the client’s: the call fails and nothing is sent', async () => {
    const fetch = browserLikeFetch();
    const api = createClient({ ...base, fetch, credentials: policy() });
    const target = path();
    const perCall = { credentials: credentialsPolicy({ include: [other.origin] }) } as never;
    // The client names the malformed call before ky builds it (a RequestInputError); createFetch gets fetch's TypeError.
    expect(() => api.get(`${other.origin}${target}`, perCall)).toThrow(/`credentials: '\[object Object\]'` is not a valid value/);
    const apiFetch = createFetch({ ...fetchBase, fetch, credentials: policy() });
    await expect(apiFetch(`${other.origin}${target}`, perCall)).rejects.toThrow(TypeError);
    expect(cookieAt(other, target)).toBe('not sent');
  });

  it('an object that forges the brand without the code fails closed at the first call: nothing is sent', async () => {
    const forged = { [Symbol.for('crosswise.plugin')]: 'credentials', policy: { include: [other.origin] } } as never;
    const api = createClient({ ...base, fetch: browserLikeFetch(), credentials: forged });
    const target = path();
    await expect(api.get(`${other.origin}${target}`)).rejects.toThrow(TypeError);
    expect(cookieAt(other, target)).toBe('not sent');
  });

  it('createFetch holds the same policy over a redirect out of the allowlist, asked for or not', async () => {
    const fetch = browserLikeFetch();
    const apiFetch = createFetch({ ...fetchBase, fetch, credentials: policy() });
    const [from, to, asked, askedTo] = [path(), path(), path(), path()];
    allowed.route(from, () => ({ status: 302, headers: { Location: `${other.origin}${to}` } }));
    allowed.route(asked, () => ({ status: 302, headers: { Location: `${other.origin}${askedTo}` } }));
    const response = await apiFetch(`${allowed.origin}${from}`);
    expect(response.status).toBe(200);
    const error: unknown = await apiFetch(`${allowed.origin}${asked}`, { credentials: 'include' }).catch((caught: unknown) => caught);
    expect(isCredentialsPolicyError(error) && error.code).toBe('redirect_not_allowlisted');
    expect({ first: cookieAt(allowed, from), redirected: cookieAt(other, to), asked: cookieAt(other, askedTo) }).toEqual({
      first: COOKIE,
      redirected: null,
      asked: 'not sent',
    });
  });
});

describe('a per-call JSONP wish without the JSONP plugin', () => {
  it('throws a TypeError naming the option, and nothing is sent', async () => {
    const api = createClient({ ...base, fetch: browserLikeFetch() });
    const target = path();
    await expect(api.get(`${other.origin}${target}`, { transport: 'jsonp' })).rejects.toThrow(/needs the client's `jsonp` option/);
    await expect(api.get(`${other.origin}${target}`, { fallback: 'jsonp' })).rejects.toThrow(/jsonpTransport/);
    expect(other.recordsUnder(target)).toHaveLength(0);
  });
});
