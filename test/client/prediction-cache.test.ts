import { describe, expect, it } from 'vitest';
import { predictCors, type CorsPrediction } from '../../src/cors/index.js';
import { createPredictionCache } from '../../src/client/prediction-cache.js';

const origin = 'https://app.example';

/** A cache over the real rules, counting how often it had to predict. */
function counted(): { lookup: (request: Request, uploadStream?: boolean) => CorsPrediction; computed: () => number } {
  let computed = 0;
  const cache = createPredictionCache((request) => {
    computed++;
    return predictCors(request, undefined, { origin, engine: 'chromium' });
  });
  return { lookup: (request, uploadStream = false) => cache(request, uploadStream), computed: () => computed };
}

const url = 'https://api.example/items';

describe('the prediction cache', () => {
  it('answers a repeated shape with the same frozen prediction, computed once', () => {
    const { lookup, computed } = counted();
    const first = lookup(new Request(url, { headers: { Accept: 'application/json' } }));
    const again = lookup(new Request(url, { headers: { accept: 'application/json' } }));
    expect(again).toBe(first);
    expect(computed()).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.reasons)).toBe(true);
  });

  // Every field the rules read from a Request must tell shapes apart, or one call would get another's verdict.
  const variants: Array<[string, RequestInfo, RequestInit?]> = [
    ['the URL', `${url}?page=2`],
    ['the method', url, { method: 'DELETE' }],
    ['a header value', url, { headers: { Accept: 'application/json', 'Content-Type': 'application/json' } }],
    ['a safelisted header turning unsafe by its value', url, { headers: { Accept: 'application/json', 'Content-Language': 'en;q=1' } }],
    ['one header more', url, { headers: { Accept: 'application/json', 'X-Id': '1' } }],
    ['one header less', url],
    ['the mode', url, { headers: { Accept: 'application/json' }, mode: 'no-cors' }],
    ['the credentials mode', url, { headers: { Accept: 'application/json' }, credentials: 'include' }],
    ['the cache mode', url, { headers: { Accept: 'application/json' }, cache: 'no-store' }],
    ['the redirect mode', url, { headers: { Accept: 'application/json' }, redirect: 'manual' }],
    ['keepalive', url, { headers: { Accept: 'application/json' }, keepalive: true }],
    ['a body', url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'text/plain' }, body: 'x' }],
  ];
  it.each(variants)('tells shapes apart by %s', (_, input, init) => {
    const { lookup, computed } = counted();
    // The same call without the difference (for the body: the same POST and headers, without one).
    const { body, ...withoutBody } = init ?? {};
    const base = lookup(new Request(url, body === undefined ? { headers: { Accept: 'application/json' } } : withoutBody));
    const other = lookup(new Request(input, init));
    expect(computed()).toBe(2);
    expect(other).not.toBe(base);
    expect(other).toEqual(predictCors(new Request(input, init), undefined, { origin, engine: 'chromium' }));
  });

  it('tells shapes apart by an upload stream the Request hides', () => {
    const { lookup, computed } = counted();
    const request = new Request(url, { method: 'POST', body: 'x' });
    lookup(request, false);
    lookup(request, true);
    lookup(request, true);
    expect(computed()).toBe(2);
  });

  it('tells shapes apart by a body already read (fetch refuses that Request)', async () => {
    const { lookup, computed } = counted();
    const post = (): Request => new Request(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    const fresh = lookup(post());
    const used = post();
    await used.text();
    const refused = lookup(used);
    expect(computed()).toBe(2);
    expect(refused.kind).toBe('rejected');
    expect(refused).toEqual(predictCors(used, undefined, { origin, engine: 'chromium' }));
    expect(lookup(post())).toBe(fresh);
  });

  it('keeps at most 8 shapes per URL and 256 in all, oldest out first', () => {
    const { lookup, computed } = counted();
    const withId = (id: number): Request => new Request(url, { headers: { 'X-Id': String(id) } });
    for (let id = 0; id < 9; id++) lookup(withId(id));
    lookup(withId(8));
    lookup(withId(1));
    expect(computed()).toBe(9); // 1 to 8 are still there
    lookup(withId(0));
    expect(computed()).toBe(10); // 0 had to go for the ninth shape at this URL

    const { lookup: lookupMany, computed: computedMany } = counted();
    for (let page = 0; page < 257; page++) lookupMany(new Request(`${url}?page=${page}`));
    lookupMany(new Request(`${url}?page=256`));
    lookupMany(new Request(`${url}?page=1`));
    expect(computedMany()).toBe(257);
    lookupMany(new Request(`${url}?page=0`));
    expect(computedMany()).toBe(258);
  });
});
