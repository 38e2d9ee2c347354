import { describe, expect, it } from 'vitest';
import { predictCors, type CorsPrediction, type Engine } from '../../src/cors/index.js';
import { ENGINES } from '../../src/cors/types.js';

// The header rewrites engines do below fetch() (src/cors/wire-profiles.ts), pinned for all four engines: what the
// prediction says reaches the wire. The conformance matrix checks them against the three browsers.
const page = 'http://127.0.0.1:3000';
const api = 'http://127.0.0.1:4000/x';
const wire = (init: RequestInit): Record<Engine, CorsPrediction['wireHeaders']> =>
  Object.fromEntries(ENGINES.map((engine) => [engine, predictCors(api, init, { origin: page, engine }).wireHeaders])) as Record<
    Engine,
    CorsPrediction['wireHeaders']
  >;

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

  it('costs nothing where no rewrite applies: the same prediction, no wireHeaders field at all', () => {
    for (const engine of ENGINES) {
      const prediction = predictCors(api, { method: 'PUT', headers: { 'X-Token': 't' } }, { origin: page, engine });
      expect(Object.hasOwn(prediction, 'wireHeaders')).toBe(false);
    }
  });
});
