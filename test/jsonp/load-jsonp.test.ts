import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { isJsonpError, JsonpError, loadJsonp, type StandardSchemaV1 } from '../../src/jsonp/index.js';
import { failure, sleep, useJsonpPages } from './jsonp-dom.js';

// The loader's outcomes in happy-dom against a real loopback server (jsonp-dom.ts); real Chromium, Firefox and
// WebKit run jsonp-scenarios.ts. What is left behind on every way out is attacked in load-jsonp-cleanup.test.ts.
const { server, page } = useJsonpPages();

describe('loadJsonp', () => {
  it('loads the data and leaves nothing behind', async () => {
    const { document, scriptsInDocument, callbackGlobals } = page();
    await expect(loadJsonp(`${server().origin}/data?id=7`, { document })).resolves.toEqual({ id: 7, name: 'Ada' });
    expect(scriptsInDocument()).toBe(0);
    expect(callbackGlobals()).toEqual([]);
  });

  it('puts its script in the head, out of the rendered page, and refuses a document without one before anything exists', async () => {
    const { document, created, callbackGlobals } = page();
    const loading = loadJsonp(`${server().origin}/data?id=7`, { document });
    // In flight: in <head>, where adding an element costs no style recalculation (in <html> it cost one per load).
    expect(created.map((script) => script.parentNode)).toEqual([document.head]);
    await expect(loading).resolves.toEqual({ id: 7, name: 'Ada' });
    // A document can lack a head (an XML document, a page that removed its own): refused at the call, as bad input.
    document.head.remove();
    expect(document.head).toBeNull();
    expect(() => loadJsonp(`${server().origin}/data?id=7`, { document })).toThrow(TypeError);
    expect(() => loadJsonp(`${server().origin}/data?id=7`, { document })).toThrow(
      /^`document` must be given outside a browser, of a live page/,
    );
    expect(created).toHaveLength(1);
    expect(callbackGlobals()).toEqual([]);
  });

  it('refuses a document with no window before anything exists: it never runs a script, so its callback global would never go', async () => {
    const { window, document, created, callbackGlobals } = page();
    // createHTMLDocument makes a document with a head and no browsing context (defaultView null): a script put in it
    // neither runs nor fires load or error, and a timed-out load's global would wait for them forever.
    const inert = document.implementation.createHTMLDocument('inert');
    expect(inert.defaultView).toBeNull();
    expect(inert.head).not.toBeNull();
    expect(() => loadJsonp(`${server().origin}/data?id=7`, { document: inert, timeout: 50 })).toThrow(TypeError);
    expect(() => loadJsonp(`${server().origin}/data?id=7`, { document: inert, timeout: 50 })).toThrow(
      /^`document` must be given outside a browser, of a live page/,
    );
    expect(created).toHaveLength(0);
    expect(callbackGlobals()).toEqual([]);
    expect(Object.keys(globalThis).filter((key) => key.startsWith('__cwJsonp'))).toEqual([]);
    expect(window.document.querySelectorAll('script')).toHaveLength(0);
  });

  it('takes an option given as undefined as absent: its default applies', async () => {
    const { document } = page();
    await expect(
      loadJsonp(`${server().origin}/data?id=7`, { document, callbackParam: undefined, timeout: undefined, signal: undefined }),
    ).resolves.toEqual({ id: 7, name: 'Ada' });
    // The default document is the global one, which Node lacks: refused at once, as when the option is absent.
    expect(() => loadJsonp(`${server().origin}/data?id=7`, { document: undefined })).toThrow(/`document` must be given outside a browser/);
  });

  it('validates with a Standard Schema and keeps the raw data on failure', async () => {
    const { document } = page();
    const User = z.object({ id: z.number(), name: z.string().transform((name) => name.toUpperCase()) });
    await expect(loadJsonp(`${server().origin}/data`, { document, schema: User })).resolves.toEqual({ id: 1, name: 'ADA' });
    const error = await failure(loadJsonp(`${server().origin}/data`, { document, schema: z.object({ id: z.string() }) }));
    expect(error.code).toBe('schema');
    expect(error.data).toEqual({ id: 1, name: 'Ada' });
    expect(error.issues?.length).toBe(1);
  });

  it('reports a 404 as a script error, at once', async () => {
    const { document } = page();
    const started = Date.now();
    const error = await failure(loadJsonp(`${server().origin}/missing`, { document, timeout: 5000 }));
    expect(error.code).toBe('script_error');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a script that never calls back on load, not after the timeout', async () => {
    const { document } = page();
    const error = await failure(loadJsonp(`${server().origin}/plain`, { document, timeout: 5000 }));
    expect(error.code).toBe('no_callback');
    expect(error.message).toContain('?callback=');
  });

  it('the first call wins', async () => {
    const { document, console } = page();
    await expect(loadJsonp(`${server().origin}/twice`, { document })).resolves.toEqual({ n: 1 });
    expect(console()).not.toMatch(/Error/);
  });

  it('times out, and a late response finds a no-op that is then removed', async () => {
    const { document, scriptsInDocument, callbackGlobals, console } = page();
    const error = await failure(loadJsonp(`${server().origin}/slow?ms=400`, { document, timeout: 100 }));
    expect(error.code).toBe('timeout');
    expect(scriptsInDocument()).toBe(0);
    await sleep(800);
    expect(console()).not.toMatch(/ReferenceError|TypeError/);
    expect(callbackGlobals()).toEqual([]);
  });

  it('aborts before and during the load', async () => {
    const { document, scriptsInDocument } = page();
    const before = await failure(loadJsonp(`${server().origin}/data`, { document, signal: AbortSignal.abort(new Error('stop')) }));
    expect(before.code).toBe('aborted');
    expect((before.cause as Error).message).toBe('stop');
    expect(scriptsInDocument()).toBe(0);
    const controller = new AbortController();
    const during = loadJsonp(`${server().origin}/slow?ms=300`, { document, signal: controller.signal });
    controller.abort();
    expect((await failure(during)).code).toBe('aborted');
    expect(scriptsInDocument()).toBe(0);
  });

  it('a fixed callback name works, and cannot be clobbered by a concurrent load', async () => {
    const { document, callbackGlobals } = page();
    const first = loadJsonp(`${server().origin}/fixed`, { document, callbackName: 'fixedCallback' });
    const second = await failure(loadJsonp(`${server().origin}/fixed`, { document, callbackName: 'fixedCallback' }));
    expect(second.code).toBe('callback_busy');
    await expect(first).resolves.toEqual({ fixed: true });
    expect(callbackGlobals()).toEqual([]);
  });

  it('replaces an existing callback parameter and refuses anything a script tag cannot send', async () => {
    const { document, created } = page();
    await expect(loadJsonp(`${server().origin}/data?callback=evil`, { document })).resolves.toMatchObject({ name: 'Ada' });
    const hits = server().hits();
    expect(() => loadJsonp(`${server().origin}/data`, { document, method: 'POST' } as never)).toThrow(/`method`/);
    expect(() => loadJsonp(`${server().origin}/data`, { document, headers: {} } as never)).toThrow(/`headers`/);
    expect(() => loadJsonp(`${server().origin}/data`, { document, callbackName: 'a);alert(1' })).toThrow(/`callbackName`/);
    expect(() => loadJsonp(`${server().origin}/data`, { document, callbackParam: 'cb&x=1' })).toThrow(/`callbackParam`/);
    expect(() => loadJsonp(`${server().origin}/data`, { document, timeout: -1 })).toThrow(RangeError);
    expect(server().hits()).toBe(hits);
    expect(created).toHaveLength(1);
  });

  it('names each bad option and what it must be, before anything is claimed or sent', () => {
    const { document, created, callbackGlobals } = page();
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ body: 'x' }, /^`body` must be absent/],
      [{ callbackName: '1abc' }, /^`callbackName` must be an identifier/],
      [{ callbackName: 'a'.repeat(65) }, /^`callbackName` must be an identifier/],
      [{ callbackName: 42 }, /^`callbackName` must be an identifier/],
      [{ callbackParam: '' }, /^`callbackParam` must be URL-safe/],
      [{ schema: {} }, /^`schema` must be a Standard Schema/],
    ];
    for (const [options, message] of bad) {
      expect(() => loadJsonp(`${server().origin}/data`, { document, ...options } as never)).toThrow(TypeError);
      expect(() => loadJsonp(`${server().origin}/data`, { document, ...options } as never)).toThrow(message);
    }
    // Outside a browser (Node has no globalThis.document), the document must be given.
    expect(() => loadJsonp(`${server().origin}/data`)).toThrow(/^`document` must be given outside a browser/);
    expect(callbackGlobals()).toEqual([]);
    expect(created).toHaveLength(0);
  });

  it('errors carry the code, the URL with the callback parameter and the callback name', async () => {
    const { document } = page();
    const error = await failure(loadJsonp(`${server().origin}/missing?x=1`, { document, callbackParam: 'cb' }));
    expect(error).toBeInstanceOf(JsonpError);
    expect(error.name).toBe('JsonpError');
    expect(error.callbackName).toMatch(/^__cwJsonp\w+$/);
    expect(error.url).toBe(`${server().origin}/missing?x=1&cb=${error.callbackName}`);
    expect(error.message).toBe(`JSONP ${error.url}: script error (HTTP, network, CSP or MIME)`);
    const timeout = await failure(loadJsonp(`${server().origin}/slow?ms=300`, { document, timeout: 50 }));
    expect(timeout.message).toMatch(/: no response in 50 ms; requests to this origin still open: \d+ \(HTTP\/1\.1 serves 6 at a time\)$/);
    const first = loadJsonp(`${server().origin}/fixed`, { document, callbackName: 'fixedCallback' });
    const busy = await failure(loadJsonp(`${server().origin}/fixed`, { document, callbackName: 'fixedCallback' }));
    expect([busy.code, busy.callbackName, busy.message]).toEqual([
      'callback_busy',
      'fixedCallback',
      `JSONP ${busy.url}: callback name in use`,
    ]);
    await first;
    expect(isJsonpError({ name: 'JsonpError', code: 'timeout' })).toBe(true);
    expect(isJsonpError(new Error('x'))).toBe(false);
    expect([isJsonpError(null), isJsonpError(undefined), isJsonpError('JsonpError')]).toEqual([false, false, false]);
  });

  it('sets the nonce, referrer policy and cross-origin mode on the element, and only those given', async () => {
    const { document, created } = page();
    await loadJsonp(`${server().origin}/data`, { document, nonce: 'abc', referrerPolicy: 'no-referrer' });
    await failure(loadJsonp(`${server().origin}/missing`, { document, crossOrigin: 'use-credentials' }));
    await loadJsonp(`${server().origin}/data`, { document });
    // (happy-dom has no nonce property of its own: unset reads as undefined there, '' in browsers.)
    expect(
      created.map((script) => [script.nonce || null, script.getAttribute('referrerpolicy'), script.getAttribute('crossorigin')]),
    ).toEqual([
      ['abc', 'no-referrer', null],
      [null, null, 'use-credentials'],
      [null, null, null],
    ]);
  });

  it('an async schema works, and a schema that throws rejects the load instead of leaving it pending', async () => {
    const { document, console, callbackGlobals, scriptsInDocument } = page();
    const standard = <T>(validate: (value: unknown) => unknown) =>
      ({ '~standard': { version: 1 as const, vendor: 'test', validate } }) as never as StandardSchemaV1<unknown, T>;
    const asyncFail = standard(async () => ({ issues: [{ message: 'no' }] }));
    const error = await failure(loadJsonp(`${server().origin}/data`, { document, schema: asyncFail }));
    expect([error.code, error.message.endsWith(': schema: no'), error.data, error.issues]).toEqual([
      'schema',
      true,
      { id: 1, name: 'Ada' },
      [{ message: 'no' }],
    ]);
    const asyncOk = standard<number>(async (value) => ({ value: (value as { id: number }).id }));
    await expect(loadJsonp(`${server().origin}/data?id=9`, { document, schema: asyncOk })).resolves.toBe(9);
    const throws = standard(() => {
      throw new Error('validator bug');
    });
    await expect(loadJsonp(`${server().origin}/data`, { document, schema: throws })).rejects.toThrow('validator bug');
    expect(console()).not.toMatch(/validator bug/);
    await sleep(50);
    expect(callbackGlobals()).toEqual([]);
    expect(scriptsInDocument()).toBe(0);
  });
});
