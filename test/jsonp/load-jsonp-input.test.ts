import { describe, expect, it, vi } from 'vitest';
import { loadJsonp } from '../../src/jsonp/index.js';
import { createLegacyServer } from './legacy-server.js';
import { failure, useJsonpPages } from './jsonp-dom.js';

// What loadJsonp accepts and what it sends: the timeout's range, the URL's scheme, the query byte for byte, and
// callback names that would clobber a global. happy-dom runs the scripts against a real loopback server (jsonp-dom.ts).
const { server, page } = useJsonpPages();

describe('the timeout option', () => {
  it('refuses what setTimeout cannot wait for, naming the option, before anything is sent', () => {
    const { document, created } = page();
    const hits = server().hits();
    // Over 2^31 - 1 ms, browsers and Node fire the timer at once: a 30-day timeout would fail after 1 ms.
    for (const timeout of [2 ** 31, 30 * 24 * 3600 * 1000, Infinity, Number.NaN, -1, -Infinity]) {
      expect(() => loadJsonp(`${server().origin}/data`, { document, timeout })).toThrow(RangeError);
      expect(() => loadJsonp(`${server().origin}/data`, { document, timeout })).toThrow(
        /^`timeout` must be milliseconds from 0 \(none\) to 2147483647$/,
      );
    }
    for (const timeout of ['5000', null, true])
      expect(() => loadJsonp(`${server().origin}/data`, { document, timeout } as never)).toThrow(/^`timeout` must be/);
    expect([created.length, server().hits()]).toEqual([0, hits]);
  });

  it('takes the largest delay setTimeout honours, and 0 (no timeout)', async () => {
    const { document } = page();
    await expect(loadJsonp(`${server().origin}/data?id=2`, { document, timeout: 2 ** 31 - 1 })).resolves.toEqual({ id: 2, name: 'Ada' });
    await expect(loadJsonp(`${server().origin}/slow?ms=150`, { document, timeout: 0 })).resolves.toEqual({ late: true });
  });
});

describe('the URL', () => {
  it('refuses every scheme but http and https before a script element exists', () => {
    const { document, created, callbackGlobals } = page();
    const urls = [
      'data:text/javascript,alert(1)',
      'javascript:alert(1)',
      'blob:http://127.0.0.1:1/0f3c',
      'file:///etc/passwd',
      'ftp://127.0.0.1/x',
      'about:blank',
      new URL('data:,x'),
    ];
    for (const url of urls) expect(() => loadJsonp(url, { document }), String(url)).toThrow(/^`url` must be an http\(s\) URL$/);
    expect(created).toHaveLength(0);
    expect(callbackGlobals()).toEqual([]);
  });

  it('resolves a relative URL against the document base, which must then be http(s)', async () => {
    await expect(loadJsonp('/data?id=4', { document: page(`${server().origin}/app/page.html`).document })).resolves.toEqual({
      id: 4,
      name: 'Ada',
    });
    expect(() => loadJsonp('/data?id=4', { document: page('file:///home/app/index.html').document })).toThrow(
      /^`url` must be an http\(s\) URL$/,
    );
  });

  it('keeps the query byte for byte and appends the callback before the fragment', async () => {
    const { document } = page();
    // A signed URL: %20, +, /, a bare flag, an encoded signature, an empty pair; any re-encoding breaks the signature.
    const query = 'a%20b=c+d&path=/x/y&flag&&sig=AbC%2F%3D&n=%C3%A9';
    const error = await failure(loadJsonp(`${server().origin}/nope?${query}#frag`, { document, callbackName: 'rawCheck' }));
    expect(error.url).toBe(`${server().origin}/nope?${query}&callback=rawCheck#frag`);
    await expect(loadJsonp(`${server().origin}/echo?${query}#frag`, { document, callbackName: 'rawCheck' })).resolves.toEqual({
      raw: `/echo?${query}&callback=rawCheck`,
    });
  });

  it('drops a callback parameter already in the query, however it is spelled, and keeps the rest', async () => {
    const { document } = page();
    const echo = (query: string, callbackParam?: string): Promise<unknown> =>
      loadJsonp(`${server().origin}/echo?${query}`, { document, callbackName: 'rawCheck', callbackParam });
    await expect(echo('callback=evil&x=1')).resolves.toEqual({ raw: '/echo?x=1&callback=rawCheck' });
    await expect(echo('x=1&callbac%6B=evil&callback&y=%2F')).resolves.toEqual({ raw: '/echo?x=1&y=%2F&callback=rawCheck' });
    await expect(echo('cb=evil&other=kept', 'cb')).resolves.toEqual({ raw: '/echo?other=kept&cb=rawCheck' });
    await expect(loadJsonp(`${server().origin}/echo?`, { document, callbackName: 'rawCheck' })).resolves.toEqual({
      raw: '/echo?callback=rawCheck',
    });
  });
});

describe('callback names that are already globals', () => {
  it('never clobbers one: the load fails with callback_busy and sends nothing', async () => {
    const { document, created, window } = page();
    const globals = window as unknown as Record<string, unknown>;
    globals['pageGlobal'] = 'mine';
    // A global declared without a value (`var declared;`): present, undefined, and not deletable.
    Object.defineProperty(globals, 'declared', { value: undefined, writable: true, enumerable: true, configurable: false });
    const hits = server().hits();
    // (happy-dom's window lacks `undefined`, `NaN` and `Infinity`: the real-browser scenarios check those.)
    const names = ['eval', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'pageGlobal', 'declared', 'document', 'location'];
    for (const callbackName of names) {
      const error = await failure(loadJsonp(`${server().origin}/data`, { document, callbackName }));
      expect([error.code, error.callbackName], callbackName).toEqual(['callback_busy', callbackName]);
    }
    expect([created.length, server().hits()]).toEqual([names.length, hits]);
    expect([globals['pageGlobal'], globals['declared'], globals['eval'], Object.getPrototypeOf(globals) !== null]).toEqual([
      'mine',
      undefined,
      window.eval,
      true,
    ]);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('a timed-out load', () => {
  it('says how many loads to its origin are still open, and the count falls as their requests end', async () => {
    const { document, callbackGlobals } = page();
    // A load's request has ended when its element's load or error event came: its callback global goes then.
    const requestsEnded = () => vi.waitFor(() => expect(callbackGlobals()).toEqual([]), { timeout: 10_000, interval: 20 });
    const own = await createLegacyServer();
    try {
      const timedOut = await Promise.all([1, 2, 3].map(() => failure(loadJsonp(`${own.origin}/slow?ms=600`, { document, timeout: 50 }))));
      for (const error of timedOut)
        expect(error.message).toContain('; requests to this origin still open: 3 (HTTP/1.1 serves 6 at a time)');
      // Once the late answers have arrived, only the new load is open.
      await requestsEnded();
      const alone = await failure(loadJsonp(`${own.origin}/slow?ms=300`, { document, timeout: 50 }));
      expect(alone.message).toContain('; requests to this origin still open: 1 (');
      // Another origin counts for itself.
      const other = await failure(loadJsonp(`${server().origin}/slow?ms=300`, { document, timeout: 50 }));
      expect(other.message).toMatch(/; requests to this origin still open: \d+ \(/);
      await requestsEnded();
    } finally {
      await own.close();
    }
  });
});

describe('the signal option', () => {
  it('refuses what is not an AbortSignal before the global is claimed (it used to throw inside and leave the global behind)', async () => {
    const { document, callbackGlobals } = page();
    const hits = server().hits();
    for (const signal of [{}, { aborted: false }, 'abort']) {
      expect(() => loadJsonp(`${server().origin}/data`, { document, signal } as never)).toThrow(TypeError);
      expect(() => loadJsonp(`${server().origin}/data`, { document, signal } as never)).toThrow(/^`signal` must be an AbortSignal$/);
    }
    expect(callbackGlobals()).toEqual([]);
    expect(server().hits()).toBe(hits);
    await expect(loadJsonp(`${server().origin}/data?id=3`, { document, signal: new AbortController().signal })).resolves.toEqual({
      id: 3,
      name: 'Ada',
    });
  });
});
