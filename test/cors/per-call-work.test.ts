import { afterEach, describe, expect, it, vi } from 'vitest';
import { predictCors, toReason } from '../../src/cors/index.js';
import { unsafeNameWordsCacheSize } from '../../src/cors/reason-words.js';

// predictCors runs on every call an app makes (issue 15): what it does once per header name, and what it leaves unread
// on a Request input, must never change a verdict. Each test here would fail if the shortcut answered for another
// name or skipped a member a rule needs.
const page = 'https://app.example';
const api = 'https://api.example/items';

describe('the per-name words memo', () => {
  it('stay bounded over thousands of distinct header names, and judge each name by itself', () => {
    for (let i = 0; i < 3000; i++) {
      const prediction = predictCors(api, { headers: { [`X-Name-${i}`]: '1', 'bad name': '1' } }, { origin: page, engine: 'standard' });
      expect(prediction.reasons.map((reason) => reason.code)).toEqual(['invalid_header_name']);
      const good = predictCors(api, { headers: { [`X-Name-${i}`]: '1' } }, { origin: page, engine: 'standard' });
      expect(good.unsafeHeaders).toEqual([`x-name-${i}`]);
      expect(good.reasons[0]?.message).toContain(`x-name-${i}`);
    }
    expect(unsafeNameWordsCacheSize()).toBeLessThanOrEqual(64);
  });

  it('give a credential header its own fix, however often a plain header went before', () => {
    for (let i = 0; i < 3; i++) predictCors(api, { headers: { 'X-Plain': '1' } }, { origin: page });
    const [plain] = predictCors(api, { headers: { 'X-Plain': '1' } }, { origin: page }).reasons;
    const [secret] = predictCors(api, { headers: { 'X-Api-Key': '1' } }, { origin: page }).reasons;
    expect(plain?.fix).toContain('query parameter');
    expect(secret?.fix).not.toContain('query parameter');
    expect(secret?.fix).toContain('never belongs in a URL');
  });

  it('keep a name that is not a token refused, in every case of its letters', () => {
    for (const name of ['X A', 'x a', 'X A'])
      expect(predictCors(api, { headers: { [name]: '1' } }, { origin: page }).kind).toBe('rejected');
    expect(predictCors(api, { headers: { 'X-A': '1', 'x-a': '2' } }, { origin: page, engine: 'firefox' }).unsafeHeaders).toEqual([
      'x-a',
      'x-a',
    ]);
  });
});

/** A real Request behind a Proxy that records each member read (tagOf still sees a Request). */
function watched(request: Request): { input: Request; reads: string[] } {
  const reads: string[] = [];
  const input = new Proxy(request, {
    get(target, key) {
      if (typeof key === 'string') reads.push(key);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { input, reads };
}

describe('a Request input', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is read for what the rules need only: no body of a GET, no cache, redirect or keepalive in cors mode', () => {
    const { input, reads } = watched(new Request(api, { headers: { 'X-A': '1' }, redirect: 'manual', cache: 'no-store', keepalive: true }));
    const prediction = predictCors(input, undefined, { origin: page });
    expect(prediction).toMatchObject({ kind: 'preflight', method: 'GET', mode: 'cors', unsafeHeaders: ['x-a'] });
    expect(new Set(reads)).toEqual(new Set(['url', 'method', 'mode', 'credentials', 'headers']));
  });

  it("still reads each member where it decides: no-cors redirect, same-origin cache, a PUT's used body", async () => {
    expect(predictCors(new Request(api, { mode: 'no-cors', redirect: 'manual' }), undefined, { origin: page }).reasons[0]?.code).toBe(
      'no_cors_redirect',
    );
    const cached = new Request(api, { mode: 'same-origin', cache: 'only-if-cached' });
    expect(predictCors(cached, { mode: 'cors' }, { origin: page }).reasons[0]?.code).toBe('only_if_cached');
    const used = new Request(api, { method: 'PUT', body: 'x' });
    await used.text();
    expect(predictCors(used, undefined, { origin: page }).reasons[0]?.code).toBe('body_unusable');
    expect(predictCors(used, { body: 'fresh' }, { origin: page }).kind).toBe('preflight');
  });

  it("limits an init body by the Request's own keepalive flag", () => {
    const request = new Request(api, { method: 'POST', keepalive: true });
    expect(predictCors(request, { body: 'x'.repeat(70_000) }, { origin: page }).reasons[0]?.code).toBe('keepalive_body_too_large');
    expect(predictCors(new Request(api, { method: 'POST' }), { body: 'x'.repeat(70_000) }, { origin: page }).kind).toBe('simple');
  });
});

/** An init behind a Proxy that records each member read, in order. */
function watchedInit(init: RequestInit): { init: RequestInit; reads: string[] } {
  const reads: string[] = [];
  const proxy = new Proxy(init, {
    get(target, key) {
      if (typeof key === 'string') reads.push(key);
      return Reflect.get(target, key);
    },
  });
  return { init: proxy, reads };
}

// The init's members are read in WebIDL's order, each once (issue 15): a missing, repeated or reordered read, or one
// made after a refusal, would show here. WebIDL converts in lexicographic order and stops at the first conversion that throws.
describe('an init', () => {
  const STRING_MEMBERS = ['body', 'cache', 'credentials', 'duplex', 'headers', 'integrity', 'method', 'mode', 'priority'];
  const ALL = [...STRING_MEMBERS, 'redirect', 'referrer', 'referrerPolicy', 'signal'];

  it("is read member by member in WebIDL's order, every member once", () => {
    const { init, reads } = watchedInit({ headers: { 'X-A': '1' } });
    expect(predictCors(api, init, { origin: page }).unsafeHeaders).toEqual(['x-a']);
    // Every read, not a filtered view: `window` and `keepalive` (which no conversion can refuse) are read last, once.
    expect(reads).toEqual([...ALL, 'window', 'keepalive']);
  });

  it('is read no further than the first refusal, which is the first member in that order', () => {
    const early = watchedInit({ cache: 'bogus' as RequestCache, headers: { 'X A': '1' }, mode: 'bogus' as RequestMode });
    expect(predictCors(api, early.init, { origin: page }).reasons.map((reason) => [reason.code, reason.message])).toEqual([
      ['invalid_option', expect.stringContaining('cache')],
    ]);
    expect(early.reads).toEqual(['body', 'cache']);
    const late = watchedInit({ headers: { 'X-A': '1' }, mode: 'bogus' as RequestMode, redirect: 'bogus' as RequestRedirect });
    expect(predictCors(api, late.init, { origin: page }).reasons[0]?.message).toContain('mode');
    expect(late.reads).toEqual(['body', 'cache', 'credentials', 'duplex', 'headers', 'integrity', 'method', 'mode']);
  });

  it("leaves the caller's header pairs as they were: the header list takes over only pairs built for the call", () => {
    const pairs: [string, string][] = [['X-A', ' 1 ']];
    const headers = new Headers({ 'X-B': '2' });
    const first = predictCors(api, { headers: pairs }, { origin: page });
    expect(pairs).toEqual([['X-A', ' 1 ']]);
    expect(first.headers).toContainEqual(['x-a', '1']);
    predictCors(api, { headers }, { origin: page });
    expect([...headers]).toEqual([['x-b', '2']]);
    // A record's pairs are made for the call (Object.entries): its values become strings there, not in the record.
    const record = { 'X-C': 3 as unknown as string, 'X-D': ' 4 ' };
    expect(predictCors(api, { headers: record }, { origin: page }).headers).toEqual([
      ['x-c', '3'],
      ['x-d', '4'],
      ['accept', '*/*'],
    ]);
    expect(record).toEqual({ 'X-C': 3, 'X-D': ' 4 ' });
    // Two calls with the same init get lists of their own.
    const second = predictCors(api, { headers: pairs }, { origin: page });
    expect(second.headers).not.toBe(first.headers);
    expect(second.headers.find(([name]) => name === 'x-a')).not.toBe(first.headers.find(([name]) => name === 'x-a'));
  });
});

// predictCors completes each reason's data in place (issue 15: no copy per reason); the public toReason still copies.
describe('reasons', () => {
  it('toReason leaves the data it is given as it was, and two predictions share no reason object', () => {
    const data = { code: 'header_not_safelisted', header: 'x-a', value: '1', rule: 'name', source: 'caller' } as const;
    const reason = toReason(data);
    expect(data).toEqual({ code: 'header_not_safelisted', header: 'x-a', value: '1', rule: 'name', source: 'caller' });
    expect(reason).toMatchObject({ ...data, severity: 'preflight' });
    const first = predictCors(api, { headers: { 'X-A': '1' } }, { origin: page });
    const second = predictCors(api, { headers: { 'X-A': '1' } }, { origin: page });
    expect(second.reasons).toEqual(first.reasons);
    expect(second.reasons[0]).not.toBe(first.reasons[0]);
    expect(Object.keys(first.reasons[0] ?? {})).toEqual(['code', 'header', 'value', 'rule', 'source', 'severity', 'message', 'fix']);
  });
});
