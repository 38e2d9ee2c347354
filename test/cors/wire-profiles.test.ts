import { describe, expect, it } from 'vitest';
import { predictCors, predictWireHeaders, type Engine } from '../../src/cors/index.js';
import { ENGINES } from '../../src/cors/types.js';

// The header rewrites engines do below fetch() (src/cors/wire-profiles.ts), pinned for all four engines: what
// predictWireHeaders says reaches the wire. The conformance matrix checks them against the three browsers.
const page = 'http://127.0.0.1:3000';
const api = 'http://127.0.0.1:4000/x';
type Headers = [string, string][];
/** Per engine, the wire list where it differs from the prediction's `headers`; undefined where the engine sends `headers` as they are. */
const wire = (init: RequestInit): Record<Engine, Headers | undefined> =>
  Object.fromEntries(
    ENGINES.map((engine) => {
      const options = { origin: page, engine };
      const sent = predictWireHeaders(api, init, options);
      return [engine, JSON.stringify(sent) === JSON.stringify(predictCors(api, init, options).headers) ? undefined : sent];
    }),
  ) as Record<Engine, Headers | undefined>;

describe('what reaches the wire', () => {
  it('Chromium re-serializes a one-range Range; the others send it as given', () => {
    expect(wire({ headers: { Range: 'Bytes = +00-01,' } })).toEqual({
      standard: undefined,
      chromium: [
        ['range', 'bytes=0-1'],
        ['accept', '*/*'],
      ],
      firefox: undefined,
      webkit: undefined,
    });
    // Already in Chromium's form, or not a one-range value it parses: nothing to rewrite.
    expect(wire({ headers: { Range: 'bytes=0-1' } }).chromium).toBeUndefined();
    expect(wire({ headers: { Range: 'bytes=0-1,2-3' } }).chromium).toBeUndefined();
  });

  it('Firefox sends the first of repeated Content-Types', () => {
    const init: RequestInit = {
      method: 'POST',
      body: 'x',
      headers: [
        ['Content-Type', 'text/plain'],
        ['Content-Type', 'text/html'],
      ],
    };
    const byEngine = wire(init);
    expect(byEngine.firefox).toEqual([
      ['content-type', 'text/plain'],
      ['accept', '*/*'],
    ]);
    expect([byEngine.standard, byEngine.chromium, byEngine.webkit]).toEqual([undefined, undefined, undefined]);
    // One Content-Type whose value holds a comma is not a repeat.
    expect(wire({ method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain, text/html' } }).firefox).toBeUndefined();
  });

  it('WebKit sends bytes 0x80-0xFF UTF-8 encoded, and a no-cors body’s Content-Type the guard dropped', () => {
    expect(wire({ headers: { Accept: 'text/\u00e9' } })).toEqual({
      standard: undefined,
      chromium: undefined,
      firefox: undefined,
      webkit: [['accept', 'text/\u00c3\u00a9']],
    });
    const noCors = wire({ mode: 'no-cors', method: 'POST', body: new Blob(['{}'], { type: 'application/json' }) });
    expect(noCors.webkit).toEqual([
      ['accept', '*/*'],
      ['content-type', 'application/json'],
    ]);
    expect([noCors.standard, noCors.chromium, noCors.firefox]).toEqual([undefined, undefined, undefined]);
  });

  it("returns the prediction's own headers where no rewrite applies, and [] for a rejected call", () => {
    for (const engine of ENGINES) {
      const options = { origin: page, engine };
      const init: RequestInit = { method: 'PUT', headers: { 'X-Token': 't' } };
      const prediction = predictCors(api, init, options);
      expect(predictWireHeaders(api, init, options)).toEqual(prediction.headers);
      expect(predictWireHeaders(api, { method: 'CONNECT' }, options)).toEqual([]);
      // Never throws, like predictCors: a throwing getter is a rejected call.
      const hostile = {
        get method(): string {
          throw new Error('boom');
        },
      } as RequestInit;
      expect(predictWireHeaders(api, hostile, options)).toEqual([]);
    }
  });

  it('keeps the rewrites out of predictCors: the prediction carries no wire field', () => {
    const prediction = predictCors(api, { headers: { Range: 'Bytes = +00-01,' } }, { origin: page, engine: 'chromium' });
    expect(Object.keys(prediction)).not.toContain('wireHeaders');
    expect(prediction.headers).toEqual([
      ['range', 'Bytes = +00-01,'],
      ['accept', '*/*'],
    ]);
  });
});
