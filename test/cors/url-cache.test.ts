import { afterEach, describe, expect, it, vi } from 'vitest';
import { predictCors } from '../../src/cors/index.js';
import { URL_CACHE_LIMIT, urlCacheSizes } from '../../src/cors/origin.js';

// predictCors parses each distinct page origin and target URL once (src/cors/origin.ts). The caches must stay bounded
// whatever a page predicts, and never answer for another page origin or another URL.
describe('the URL caches of predictCors', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('stay bounded over thousands of distinct URLs and page origins', () => {
    for (let i = 0; i < 3000; i++) {
      const prediction = predictCors(`https://api.example/items/${i}?q=${i}`, undefined, { origin: `https://app${i}.example` });
      expect(prediction.url).toBe(`https://api.example/items/${i}?q=${i}`);
    }
    const { origins, targets } = urlCacheSizes();
    expect(origins).toBeLessThanOrEqual(URL_CACHE_LIMIT);
    expect(targets).toBeLessThanOrEqual(URL_CACHE_LIMIT);
    expect(targets).toBeGreaterThan(0);
  });

  it('keeps no long URL (a data: URL, a long query)', () => {
    predictCors('https://api.example/', undefined, { origin: 'https://app.example' });
    const before = urlCacheSizes().targets;
    for (let i = 0; i < 10; i++)
      predictCors(`https://api.example/?q=${'x'.repeat(5000)}${i}`, undefined, { origin: 'https://app.example' });
    expect(urlCacheSizes().targets).toBeLessThanOrEqual(before);
  });

  it('resolves a repeated relative URL against each page origin in turn', () => {
    for (const origin of ['https://a.example', 'https://b.example', 'https://a.example', 'null']) {
      const prediction = predictCors('/items', undefined, { origin });
      if (origin === 'null') expect(prediction).toMatchObject({ kind: 'rejected', url: null });
      else expect(prediction).toMatchObject({ kind: 'same-origin', url: `${origin}/items` });
    }
  });

  it('gives each prediction its own lists, so that changing one changes no later prediction', () => {
    const first = predictCors('https://api.example/x', { headers: { 'X-A': '1' } }, { origin: 'https://app.example' });
    first.unsafeHeaders.push('x-injected');
    first.headers.length = 0;
    const second = predictCors('https://api.example/x', { headers: { 'X-A': '1' } }, { origin: 'https://app.example' });
    expect(second.unsafeHeaders).toEqual(['x-a']);
    expect(second.headers).toEqual([
      ['x-a', '1'],
      ['accept', '*/*'],
    ]);
  });

  it('reads a stand-in location and navigator on every call (only a real one is read once)', () => {
    vi.stubGlobal('location', { origin: 'https://one.example' });
    expect(predictCors('/x').origin).toBe('https://one.example');
    vi.stubGlobal('location', { origin: 'https://two.example' });
    expect(predictCors('/x').origin).toBe('https://two.example');
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0' });
    expect(predictCors('https://api.example/x').engine).toBe('firefox');
    vi.stubGlobal('navigator', { userAgent: 'Node.js/24' });
    expect(predictCors('https://api.example/x').engine).toBe('standard');
  });
});
