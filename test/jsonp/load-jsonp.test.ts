import { Window } from 'happy-dom';
import * as z from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isJsonpError, JsonpError, loadJsonp } from '../../src/jsonp/index.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// happy-dom runs the script tags for real (enableJavaScriptEvaluation) against a real loopback server; it is the
// lifecycle oracle here, real Chromium is in jsonp.browser.test.ts.
let server: LegacyServer;
let window: Window;
beforeAll(async () => {
  server = await createLegacyServer();
});
afterAll(async () => {
  await server.close();
});
const fresh = (): Document => {
  window = new Window({ url: 'http://127.0.0.1:1/', settings: { enableJavaScriptEvaluation: true } });
  return window.document as unknown as Document;
};
afterEach(async () => {
  await window.happyDOM.close();
});

const callbackGlobals = (): string[] => Object.keys(window).filter((key) => key.startsWith('__cwJsonp') || key === 'fixedCallback');
const scripts = (doc: Document): number => doc.querySelectorAll('script').length;
const failure = async (promise: Promise<unknown>): Promise<JsonpError> => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isJsonpError(error)) throw new Error(`expected a JsonpError, got ${String(error)}`);
  return error;
};

describe('loadJsonp', () => {
  it('loads the data and leaves nothing behind', async () => {
    const document = fresh();
    await expect(loadJsonp(`${server.origin}/data?id=7`, { document })).resolves.toEqual({ id: 7, name: 'Ada' });
    expect(scripts(document)).toBe(0);
    expect(callbackGlobals()).toEqual([]);
  });

  it('validates with a Standard Schema and keeps the raw data on failure', async () => {
    const document = fresh();
    const User = z.object({ id: z.number(), name: z.string().transform((name) => name.toUpperCase()) });
    await expect(loadJsonp(`${server.origin}/data`, { document, schema: User })).resolves.toEqual({ id: 1, name: 'ADA' });
    const error = await failure(loadJsonp(`${server.origin}/data`, { document, schema: z.object({ id: z.string() }) }));
    expect(error.code).toBe('schema');
    expect(error.data).toEqual({ id: 1, name: 'Ada' });
    expect(error.issues?.length).toBe(1);
  });

  it('reports a 404 as a script error, at once', async () => {
    const document = fresh();
    const started = Date.now();
    const error = await failure(loadJsonp(`${server.origin}/missing`, { document, timeout: 5000 }));
    expect(error.code).toBe('script_error');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(scripts(document)).toBe(0);
    expect(callbackGlobals()).toEqual([]);
  });

  it('reports a script that never calls back on load, not after the timeout', async () => {
    const document = fresh();
    const error = await failure(loadJsonp(`${server.origin}/plain`, { document, timeout: 5000 }));
    expect(error.code).toBe('no_callback');
    expect(error.message).toContain('?callback=');
    expect(callbackGlobals()).toEqual([]);
  });

  it('the first call wins', async () => {
    const document = fresh();
    await expect(loadJsonp(`${server.origin}/twice`, { document })).resolves.toEqual({ n: 1 });
    expect(window.happyDOM.virtualConsolePrinter.readAsString()).not.toMatch(/Error/);
  });

  it('times out, and a late response finds a no-op that is then removed', async () => {
    const document = fresh();
    const error = await failure(loadJsonp(`${server.origin}/slow?ms=400`, { document, timeout: 100 }));
    expect(error.code).toBe('timeout');
    expect(scripts(document)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(window.happyDOM.virtualConsolePrinter.readAsString()).not.toMatch(/ReferenceError|TypeError/);
    expect(callbackGlobals()).toEqual([]);
  });

  it('aborts before and during the load', async () => {
    const document = fresh();
    const before = await failure(loadJsonp(`${server.origin}/data`, { document, signal: AbortSignal.abort(new Error('stop')) }));
    expect(before.code).toBe('aborted');
    expect((before.cause as Error).message).toBe('stop');
    expect(scripts(document)).toBe(0);
    const controller = new AbortController();
    const during = loadJsonp(`${server.origin}/slow?ms=300`, { document, signal: controller.signal });
    controller.abort();
    expect((await failure(during)).code).toBe('aborted');
    expect(scripts(document)).toBe(0);
  });

  it('a fixed callback name works, and cannot be clobbered by a concurrent load', async () => {
    const document = fresh();
    const first = loadJsonp(`${server.origin}/fixed`, { document, callbackName: 'fixedCallback' });
    const second = await failure(loadJsonp(`${server.origin}/fixed`, { document, callbackName: 'fixedCallback' }));
    expect(second.code).toBe('callback_busy');
    await expect(first).resolves.toEqual({ fixed: true });
    expect(callbackGlobals()).toEqual([]);
  });

  it('replaces an existing callback parameter and refuses anything a script tag cannot send', async () => {
    const document = fresh();
    await expect(loadJsonp(`${server.origin}/data?callback=evil`, { document })).resolves.toMatchObject({ name: 'Ada' });
    const hits = server.hits();
    expect(() => loadJsonp(`${server.origin}/data`, { document, method: 'POST' } as never)).toThrow(/`method`/);
    expect(() => loadJsonp(`${server.origin}/data`, { document, headers: {} } as never)).toThrow(/`headers`/);
    expect(() => loadJsonp(`${server.origin}/data`, { document, callbackName: 'a);alert(1' })).toThrow(/`callbackName`/);
    expect(() => loadJsonp(`${server.origin}/data`, { document, callbackParam: 'cb&x=1' })).toThrow(/`callbackParam`/);
    expect(() => loadJsonp(`${server.origin}/data`, { document, timeout: -1 })).toThrow(/`timeout`/);
    expect(server.hits()).toBe(hits);
    expect(scripts(document)).toBe(0);
  });
});
