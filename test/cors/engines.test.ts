import { describe, expect, it } from 'vitest';
import { detectEngine, predictCors, type Engine } from '../../src/cors/index.js';

// The engine differences measured in real browsers (docs/engines.md), pinned here so a change to the rules
// shows up without a browser run.
const page = 'http://127.0.0.1:3000';
const api = 'http://127.0.0.1:4000/x';
const verdict = (engine: Engine, init: RequestInit, url = api): string => {
  const p = predictCors(url, init, { origin: page, engine });
  return p.kind === 'preflight' ? `preflight ${p.unsafeHeaders.join(',')}` : p.kind;
};
const all = (init: RequestInit, url?: string): Record<Engine, string> => ({
  standard: verdict('standard', init, url),
  chromium: verdict('chromium', init, url),
  firefox: verdict('firefox', init, url),
  webkit: verdict('webkit', init, url),
});

describe('engine differences', () => {
  it('repeated headers: combined in Chromium and WebKit, per entry (and named per entry) in Firefox', () => {
    const twoLongAccepts: RequestInit = {
      headers: [
        ['Accept', 'a'.repeat(100)],
        ['Accept', 'b'.repeat(100)],
      ],
    };
    expect(all(twoLongAccepts)).toEqual({
      standard: 'simple',
      chromium: 'preflight accept',
      firefox: 'simple',
      webkit: 'preflight accept',
    });
    const twoCustom: RequestInit = {
      headers: [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
    };
    expect(all(twoCustom)).toEqual({
      standard: 'preflight x-a',
      chromium: 'preflight x-a',
      firefox: 'preflight x-a,x-a',
      webkit: 'preflight x-a',
    });
  });

  it('the 1024-byte total: everywhere but Firefox', () => {
    const nine: RequestInit = { headers: Array.from({ length: 9 }, (_, i): [string, string] => ['Accept', `${i}${'a'.repeat(119)}`]) };
    expect(verdict('standard', nine)).toBe('preflight accept');
    expect(verdict('firefox', nine)).toBe('simple');
  });

  it('non-ASCII bytes in Accept are unsafe only in Firefox', () => {
    expect(all({ headers: { Accept: 'text/é' } })).toEqual({
      standard: 'simple',
      chromium: 'simple',
      firefox: 'preflight accept',
      webkit: 'simple',
    });
  });

  it('Range: WebKit takes any-case units and + signs; positions stop where each parser does', () => {
    expect(all({ headers: { Range: 'Bytes=0-1' } }).webkit).toBe('simple');
    expect(all({ headers: { Range: 'bytes=+1-2' } }).webkit).toBe('simple');
    expect(all({ headers: { Range: 'bytes=9223372036854775807-' } })).toEqual({
      standard: 'simple',
      chromium: 'preflight range',
      firefox: 'simple',
      webkit: 'simple',
    });
    expect(all({ headers: { Range: 'bytes=18446744073709551616-' } })).toEqual({
      standard: 'simple',
      chromium: 'preflight range',
      firefox: 'preflight range',
      webkit: 'preflight range',
    });
  });

  it('User-Agent: dropped by Chromium, preflighted elsewhere', () => {
    expect(all({ headers: { 'User-Agent': 'x' } })).toEqual({
      standard: 'preflight user-agent',
      chromium: 'simple',
      firefox: 'preflight user-agent',
      webkit: 'preflight user-agent',
    });
  });

  it('stream bodies: preflight, HTTP/2 only, stringified, refused', () => {
    const stream = (): RequestInit => ({ method: 'POST', body: new ReadableStream(), duplex: 'half' }) as RequestInit;
    expect(all(stream())).toEqual({ standard: 'preflight ', chromium: 'preflight ', firefox: 'simple', webkit: 'rejected' });
    expect(all(stream(), `${page}/same`)).toEqual({
      standard: 'same-origin',
      chromium: 'rejected',
      firefox: 'same-origin',
      webkit: 'rejected',
    });
    expect(predictCors(api, stream(), { origin: page, engine: 'firefox' }).headers).toContainEqual([
      'content-type',
      'text/plain;charset=UTF-8',
    ]);
  });

  it('only-if-cached never reaches the network, except in WebKit', () => {
    const init: RequestInit = { cache: 'only-if-cached', mode: 'same-origin' };
    expect(all(init, `${page}/same`)).toEqual({ standard: 'rejected', chromium: 'rejected', firefox: 'rejected', webkit: 'same-origin' });
  });
});

describe('detectEngine', () => {
  it.each([
    [
      { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' },
      'chromium',
    ],
    [{ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0' }, 'firefox'],
    [{ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15' }, 'webkit'],
    [{ userAgent: 'Node.js/20' }, 'standard'],
    [{ userAgent: 'x', userAgentData: { brands: [{ brand: 'Chromium' }] } }, 'chromium'],
    [undefined, 'standard'],
  ])('%j → %s', (nav, engine) => {
    expect(detectEngine(nav)).toBe(engine);
  });
});
