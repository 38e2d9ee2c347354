import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isJsonpError, loadJsonp, type JsonpError } from '../../src/jsonp/index.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// What loadJsonp accepts and what it sends: the timeout's range, the URL's scheme, the query byte for byte, and
// callback names that would clobber a global. happy-dom runs the scripts against a real loopback server.
let server: LegacyServer;
let window: Window;
beforeAll(async () => {
  server = await createLegacyServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await window.happyDOM.close();
});

const fresh = (url = 'http://127.0.0.1:1/'): Document => {
  window = new Window({ url, settings: { enableJavaScriptEvaluation: true } });
  return window.document as unknown as Document;
};
// Counts the script elements the loader creates, even those already removed.
const countScripts = (doc: Document): (() => number) => {
  let created = 0;
  const createElement = doc.createElement.bind(doc);
  doc.createElement = ((tag: string) => {
    created++;
    return createElement(tag);
  }) as typeof doc.createElement;
  return () => created;
};
const failure = async (promise: Promise<unknown>): Promise<JsonpError> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isJsonpError(error)) throw new Error(`expected a JsonpError, got ${String(error)}`);
  return error;
};

describe('the timeout option', () => {
  it('refuses what setTimeout cannot wait for, naming the option, before anything is sent', () => {
    const document = fresh();
    const created = countScripts(document);
    const hits = server.hits();
    // Over 2^31 - 1 ms, browsers and Node fire the timer at once: a 30-day timeout would fail after 1 ms.
    for (const timeout of [2 ** 31, 30 * 24 * 3600 * 1000, Infinity, Number.NaN, -1, -Infinity]) {
      expect(() => loadJsonp(`${server.origin}/data`, { document, timeout })).toThrow(RangeError);
      expect(() => loadJsonp(`${server.origin}/data`, { document, timeout })).toThrow(
        /^`timeout` must be milliseconds from 0 \(none\) to 2147483647$/,
      );
    }
    for (const timeout of ['5000', null, true])
      expect(() => loadJsonp(`${server.origin}/data`, { document, timeout } as never)).toThrow(/^`timeout` must be/);
    expect([created(), server.hits()]).toEqual([0, hits]);
  });

  it('takes the largest delay setTimeout honours, and 0 (no timeout)', async () => {
    const document = fresh();
    await expect(loadJsonp(`${server.origin}/data?id=2`, { document, timeout: 2 ** 31 - 1 })).resolves.toEqual({ id: 2, name: 'Ada' });
    await expect(loadJsonp(`${server.origin}/slow?ms=150`, { document, timeout: 0 })).resolves.toEqual({ late: true });
  });
});

describe('the URL', () => {
  it('refuses every scheme but http and https before a script element exists', () => {
    const document = fresh();
    const created = countScripts(document);
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
    expect(created()).toBe(0);
    expect(Object.keys(window).filter((key) => key.startsWith('__cwJsonp'))).toEqual([]);
  });

  it('resolves a relative URL against the document base, which must then be http(s)', async () => {
    await expect(loadJsonp('/data?id=4', { document: fresh(`${server.origin}/app/page.html`) })).resolves.toEqual({ id: 4, name: 'Ada' });
    await window.happyDOM.close();
    expect(() => loadJsonp('/data?id=4', { document: fresh('file:///home/app/index.html') })).toThrow(/^`url` must be an http\(s\) URL$/);
  });

  it('keeps the query byte for byte and appends the callback before the fragment', async () => {
    const document = fresh();
    // A signed URL: %20, +, /, a bare flag, an encoded signature, an empty pair; any re-encoding breaks the signature.
    const query = 'a%20b=c+d&path=/x/y&flag&&sig=AbC%2F%3D&n=%C3%A9';
    const error = await failure(loadJsonp(`${server.origin}/nope?${query}#frag`, { document, callbackName: 'rawCheck' }));
    expect(error.url).toBe(`${server.origin}/nope?${query}&callback=rawCheck#frag`);
    await expect(loadJsonp(`${server.origin}/echo?${query}#frag`, { document, callbackName: 'rawCheck' })).resolves.toEqual({
      raw: `/echo?${query}&callback=rawCheck`,
    });
  });

  it('drops a callback parameter already in the query, however it is spelled, and keeps the rest', async () => {
    const document = fresh();
    const echo = (query: string, callbackParam?: string): Promise<unknown> =>
      loadJsonp(`${server.origin}/echo?${query}`, { document, callbackName: 'rawCheck', callbackParam });
    await expect(echo('callback=evil&x=1')).resolves.toEqual({ raw: '/echo?x=1&callback=rawCheck' });
    await expect(echo('x=1&callbac%6B=evil&callback&y=%2F')).resolves.toEqual({ raw: '/echo?x=1&y=%2F&callback=rawCheck' });
    await expect(echo('cb=evil&other=kept', 'cb')).resolves.toEqual({ raw: '/echo?other=kept&cb=rawCheck' });
    await expect(loadJsonp(`${server.origin}/echo?`, { document, callbackName: 'rawCheck' })).resolves.toEqual({
      raw: '/echo?callback=rawCheck',
    });
  });
});

describe('callback names that are already globals', () => {
  it('never clobbers one: the load fails with callback_busy and sends nothing', async () => {
    const document = fresh();
    const created = countScripts(document);
    const globals = window as unknown as Record<string, unknown>;
    globals['pageGlobal'] = 'mine';
    // A global declared without a value (`var declared;`): present, undefined, and not deletable.
    Object.defineProperty(globals, 'declared', { value: undefined, writable: true, enumerable: true, configurable: false });
    const hits = server.hits();
    // (happy-dom's window lacks `undefined`, `NaN` and `Infinity`: the real-browser scenarios check those.)
    const names = ['eval', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'pageGlobal', 'declared', 'document', 'location'];
    for (const callbackName of names) {
      const error = await failure(loadJsonp(`${server.origin}/data`, { document, callbackName }));
      expect([error.code, error.callbackName], callbackName).toEqual(['callback_busy', callbackName]);
    }
    expect([created(), server.hits()]).toEqual([names.length, hits]);
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
    const document = fresh();
    const own = await createLegacyServer();
    try {
      const timedOut = await Promise.all([1, 2, 3].map(() => failure(loadJsonp(`${own.origin}/slow?ms=600`, { document, timeout: 50 }))));
      for (const error of timedOut)
        expect(error.message).toContain('; the browser keeps the request open (3 to this origin; HTTP/1.1 serves 6 at a time)');
      // Once the late answers have arrived, only the new load is open.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const alone = await failure(loadJsonp(`${own.origin}/slow?ms=300`, { document, timeout: 50 }));
      expect(alone.message).toContain('(1 to this origin;');
      // Another origin counts for itself.
      const other = await failure(loadJsonp(`${server.origin}/slow?ms=300`, { document, timeout: 50 }));
      expect(other.message).toMatch(/\(\d+ to this origin;/);
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await own.close();
    }
  });
});

describe('the signal option', () => {
  it('refuses what is not an AbortSignal before the global is claimed (it used to throw inside and leave the global behind)', async () => {
    const document = fresh();
    const hits = server.hits();
    for (const signal of [{}, { aborted: false }, 'abort']) {
      expect(() => loadJsonp(`${server.origin}/data`, { document, signal } as never)).toThrow(TypeError);
      expect(() => loadJsonp(`${server.origin}/data`, { document, signal } as never)).toThrow(/^`signal` must be an AbortSignal$/);
    }
    expect(Object.keys(window).filter((key) => key.startsWith('__cwJsonp'))).toEqual([]);
    expect(server.hits()).toBe(hits);
    await expect(loadJsonp(`${server.origin}/data?id=3`, { document, signal: new AbortController().signal })).resolves.toEqual({
      id: 3,
      name: 'Ada',
    });
  });
});
