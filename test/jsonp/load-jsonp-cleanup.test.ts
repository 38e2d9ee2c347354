import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadJsonp } from '../../src/jsonp/index.js';
import { failure, sleep, useJsonpPages, watchedSignal, watchTimers } from './jsonp-dom.js';

// The loader's promise, attacked: whatever the server, the signal or the caller does, no callback global, script
// element, timer or abort listener is left behind, and bad input is refused with an error that names it.
const { server, page } = useJsonpPages();

let timers: ReturnType<typeof watchTimers>;
beforeEach(() => {
  timers = watchTimers();
});
afterEach(() => {
  timers.restore();
});

/** Starts a load in `page` with a watched signal; `leftovers()` then reports what the load left behind. */
function start(
  target: ReturnType<typeof page>,
  path: string,
  options: { timeout?: number; callbackName?: string } = {},
  controller?: AbortController,
) {
  const watched = watchedSignal(controller);
  const load = timers.during(() =>
    loadJsonp(`${server().origin}${path}`, { document: target.document, signal: watched.signal, ...options }),
  );
  const outcome = load.then(
    (data: unknown) => ({ data }),
    (error: unknown) => ({ code: (error as { code?: string }).code ?? String(error) }),
  );
  return {
    ...watched,
    outcome,
    leftovers: () => ({
      globals: target.callbackGlobals(),
      scripts: target.scriptsInDocument(),
      handlers: target.created.filter((script) => script.onload !== null || script.onerror !== null).length,
      timers: timers.pending(),
      listeners: watched.listeners(),
    }),
  };
}

const NOTHING = { globals: [], scripts: 0, handlers: 0, timers: 0, listeners: 0 };

describe('every way out leaves nothing behind', () => {
  const ways: [string, string, { timeout?: number }, unknown][] = [
    ['success', '/data?id=5', {}, { data: { id: 5, name: 'Ada' } }],
    ['a 404', '/missing', {}, { code: 'script_error' }],
    ['a script that never calls back (plain JSON)', '/plain', {}, { code: 'no_callback' }],
    ['a script that throws before calling back', '/throws-first', {}, { code: 'no_callback' }],
    ['a script that throws after calling back', '/throws-after', {}, { data: { sent: true } }],
    ['a script that calls back twice', '/twice', {}, { data: { n: 1 } }],
    ['a script that keeps the callback and calls it again later', '/hostile', {}, { data: { first: true } }],
    ['a timeout, then the late response', '/slow?ms=300', { timeout: 50 }, { code: 'timeout' }],
  ];
  for (const [way, path, options, expected] of ways) {
    it(way, async () => {
      const target = page();
      const load = start(target, path, options);
      expect(await load.outcome).toEqual(expected);
      // The element's load event (and any late response, or a late call the script scheduled) has come by then.
      await sleep(way.startsWith('a timeout') ? 600 : 150);
      expect(load.leftovers()).toEqual(NOTHING);
      expect(target.created).toHaveLength(1);
      expect(target.console()).not.toMatch(/ReferenceError/);
    });
  }

  it('an abort before the load: nothing sent, no global, no timer, no listener', async () => {
    const target = page();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const hits = server().hits();
    const refused = await failure(
      timers.during(() => loadJsonp(`${server().origin}/data`, { document: target.document, signal: watchedSignal(controller).signal })),
    );
    expect([refused.code, (refused.cause as Error).message]).toEqual(['aborted', 'stop']);
    const load = start(target, '/data', {}, controller);
    expect(await load.outcome).toEqual({ code: 'aborted' });
    expect(load.leftovers()).toEqual(NOTHING);
    expect(target.created.filter((script) => script.isConnected || script.src !== '')).toEqual([]);
    expect(server().hits()).toBe(hits);
  });

  it('an abort during the load, and an abort after it settled, which changes nothing', async () => {
    const target = page();
    const during = start(target, '/slow?ms=300', {});
    during.controller.abort();
    expect(await during.outcome).toEqual({ code: 'aborted' });
    const after = start(target, '/data?id=2', {});
    expect(await after.outcome).toEqual({ data: { id: 2, name: 'Ada' } });
    after.controller.abort();
    await sleep(600);
    expect(during.leftovers()).toEqual(NOTHING);
    expect(after.leftovers()).toEqual(NOTHING);
  });

  it('a name already taken fails with callback_busy before any element, timer or listener exists', async () => {
    const target = page();
    const first = start(target, '/slow?ms=100', { callbackName: 'busyName' });
    const second = start(target, '/data', { callbackName: 'busyName' });
    expect(await second.outcome).toEqual({ code: 'callback_busy' });
    expect(second.listeners()).toBe(0);
    // The refused load's element was never given a source or put in the document.
    expect(target.created.filter((script) => script.src !== '')).toHaveLength(1);
    expect(await first.outcome).toEqual({ data: { late: true } });
    await sleep(150);
    expect(first.leftovers()).toEqual(NOTHING);
  });

  // A page may remove its own <head> while a load is in it: the loader checked for a head only at the call.
  const headless: [string, string, { timeout?: number }, unknown][] = [
    ['its data', '/slow?ms=100', {}, { data: { late: true } }],
    ['its timeout, then the late response', '/slow?ms=300', { timeout: 50 }, { code: 'timeout' }],
  ];
  for (const [way, path, options, expected] of headless)
    it(`the page removes its head mid-load: the load ends with ${way}, and the element leaves the removed head`, async () => {
      const target = page();
      const load = start(target, path, options);
      target.document.head.remove();
      expect(target.document.head).toBeNull();
      expect(await load.outcome).toEqual(expected);
      await sleep(way.includes('timeout') ? 600 : 150);
      expect(load.leftovers()).toEqual(NOTHING);
      expect(target.created.map((script) => script.parentNode)).toEqual([null]);
      expect(target.console()).not.toMatch(/Error/);
    });

  it('a second window’s document (an iframe’s): the global and the element are that window’s, and leave it', async () => {
    const first = page();
    const second = page('http://127.0.0.1:2/');
    const load = start(second, '/slow?ms=100');
    expect([first.callbackGlobals(), second.callbackGlobals()].map((names) => names.length)).toEqual([0, 1]);
    expect(second.created.map((script) => script.parentNode)).toEqual([second.document.head]);
    expect(first.created).toEqual([]);
    expect(await load.outcome).toEqual({ data: { late: true } });
    await sleep(150);
    expect(load.leftovers()).toEqual(NOTHING);
    expect([first.callbackGlobals(), first.scriptsInDocument()]).toEqual([[], 0]);
  });
});

describe('hostile input is refused, named, before anything is claimed', () => {
  it('callback names and parameters that would inject code or pairs', () => {
    const target = page();
    const names = ['a);alert(1', 'x=1', 'a b', 'a\u2028b', 'é', '1a', '', 'a'.repeat(65), 'a.b', 'a-b'];
    for (const callbackName of names)
      expect(() => loadJsonp(`${server().origin}/data`, { document: target.document, callbackName }), callbackName).toThrow(
        /^`callbackName` must be an identifier$/,
      );
    const params = ['cb&x=1', 'cb=x', 'cb#', 'c b', 'c%62', '', 'é', 'a'.repeat(65)];
    for (const callbackParam of params)
      expect(() => loadJsonp(`${server().origin}/data`, { document: target.document, callbackParam }), callbackParam).toThrow(
        /^`callbackParam` must be URL-safe$/,
      );
    expect([target.created.length, target.callbackGlobals()]).toEqual([0, []]);
  });

  it('giant input is refused or handled in linear time', async () => {
    const target = page();
    const started = performance.now();
    // A megabyte name or parameter fails the length check at once (the patterns are anchored and bounded).
    expect(() => loadJsonp(`${server().origin}/data`, { document: target.document, callbackName: 'a'.repeat(1_000_000) })).toThrow(
      TypeError,
    );
    expect(() => loadJsonp(`${server().origin}/data`, { document: target.document, callbackParam: 'a'.repeat(1_000_000) })).toThrow(
      TypeError,
    );
    // A query of 100,000 pairs keeps every byte, with the old callback parameters dropped (a busy name stops the load before it is sent).
    (target.window as unknown as Record<string, unknown>)['busyName'] = 'taken';
    const query = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 0 ? `callback=x${i}` : `k${i}=v%20${i}`)).join('&');
    const error = await failure(loadJsonp(`${server().origin}/data?${query}`, { document: target.document, callbackName: 'busyName' }));
    const kept = query.split('&').filter((pair) => !pair.startsWith('callback='));
    expect(error.url).toBe(`${server().origin}/data?${kept.join('&')}&callback=busyName`);
    // Quadratic work on 100,000 pairs would take minutes; linear takes well under a second (5 s leaves room for a loaded machine).
    expect(performance.now() - started).toBeLessThan(5000);
    expect(target.created.filter((script) => script.src !== '')).toHaveLength(0);
  });
});
