import { describe, expect, it } from 'vitest';
import { checkHeaderExposed, exposedHeaders, isHeaderExposed, SAFELISTED_RESPONSE_HEADERS } from '../../src/cors/index.js';

// What the page may read from a CORS response (measured alike in Chromium, Firefox and WebKit: the `expose` groups
// of test/conformance/response-cases.ts, which run these same rules against each engine).
const response: [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Cache-Control', 'no-store'],
  ['Content-Language', 'en'],
  ['Content-Length', '2'],
  ['Content-Type', 'text/plain'],
  ['Expires', '0'],
  ['Last-Modified', 'Tue, 01 Dec 2026 00:00:00 GMT'],
  ['Pragma', 'no-cache'],
  ['ETag', '"v1"'],
  ['X-Custom', 'c'],
  ['X-Other', 'o'],
  ['Set-Cookie', 'a=1'],
];
const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];
const omit = { credentials: 'omit' as const };
const include = { credentials: 'include' as const };
const expose = (value: string): [string, string][] => [...response, ['Access-Control-Expose-Headers', value]];

describe('exposedHeaders', () => {
  it('without Access-Control-Expose-Headers: the seven safelisted response headers only', () => {
    expect([...SAFELISTED_RESPONSE_HEADERS].sort()).toEqual(SAFELISTED);
    expect(exposedHeaders(response, omit)).toEqual(SAFELISTED);
    expect(exposedHeaders(response, include)).toEqual(SAFELISTED);
  });

  it('named headers, in any case, on one line or several, with empty items', () => {
    expect(exposedHeaders(expose('X-Custom'), include)).toEqual([...SAFELISTED, 'x-custom']);
    expect(exposedHeaders(expose(',x-custom,,'), omit)).toEqual([...SAFELISTED, 'x-custom']);
    const lines: [string, string][] = [
      ...response,
      ['Access-Control-Expose-Headers', 'x-custom'],
      ['Access-Control-Expose-Headers', 'X-OTHER'],
    ];
    expect(exposedHeaders(lines, include)).toEqual([...SAFELISTED, 'x-custom', 'x-other']);
  });

  it('* exposes every header without credentials (Set-Cookie never), and is a mere name with them', () => {
    const all = [
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'content-language',
      'content-length',
      'content-type',
      'etag',
      'expires',
      'last-modified',
      'pragma',
      'x-custom',
      'x-other',
    ];
    expect(exposedHeaders(expose('*'), omit)).toEqual(all);
    expect(exposedHeaders(expose('*'), { credentials: 'same-origin' })).toEqual(all);
    expect(exposedHeaders(expose('*'), include)).toEqual(SAFELISTED);
    expect(exposedHeaders(expose('*, x-custom'), include)).toEqual([...SAFELISTED, 'x-custom']);
  });

  it('Set-Cookie is never readable, even named; an invalid list exposes nothing beyond the safelist', () => {
    expect(exposedHeaders(expose('Set-Cookie, X-Custom'), omit)).toEqual([...SAFELISTED, 'x-custom']);
    expect(exposedHeaders(expose('x-custom, x y'), omit)).toEqual(SAFELISTED);
    expect(exposedHeaders(expose('x-custom x-other'), omit)).toEqual(SAFELISTED);
  });

  it('reads Headers objects and records too', () => {
    expect(exposedHeaders(new Headers({ 'X-Total': '3', 'Access-Control-Expose-Headers': 'x-total' }), include)).toEqual(['x-total']);
    expect(exposedHeaders({ 'Content-Type': 'text/plain', 'X-Total': '3', 'Access-Control-Expose-Headers': '*' }, omit)).toEqual([
      'access-control-expose-headers',
      'content-type',
      'x-total',
    ]);
  });
});

describe('isHeaderExposed and checkHeaderExposed (for the diagnosis: the app read a hidden header)', () => {
  it('a safelisted header is always readable; an absent one counts as exposed when named', () => {
    expect(isHeaderExposed('Content-Type', {}, include)).toBe(true);
    expect(isHeaderExposed('X-Total', { 'Access-Control-Expose-Headers': 'X-Total' }, include)).toBe(true);
    expect(isHeaderExposed('x-total', { 'Access-Control-Expose-Headers': '*' }, include)).toBe(false);
    expect(checkHeaderExposed('x-total', { 'Access-Control-Expose-Headers': '*' }, omit)).toBeNull();
  });

  it('header_not_exposed names the header, what was sent, and the value to send (named: * does not count with credentials)', () => {
    expect(checkHeaderExposed('X-Total', { 'Access-Control-Expose-Headers': 'ETag' }, omit)).toMatchObject({
      stage: 'response',
      code: 'header_not_exposed',
      header: 'Access-Control-Expose-Headers',
      received: 'ETag',
      subject: 'X-Total',
      expected: 'ETag, X-Total',
    });
    expect(checkHeaderExposed('X-Total', { 'Access-Control-Expose-Headers': '*' }, include)).toMatchObject({
      received: '*',
      expected: 'X-Total',
    });
    expect(checkHeaderExposed('X-Total', {}, omit)).toMatchObject({ received: null, expected: 'X-Total' });
    expect(checkHeaderExposed('x-total', { 'Access-Control-Expose-Headers': 'x-total x-page' }, omit)).toMatchObject({
      expected: 'x-total',
    });
  });

  it('Set-Cookie: the failure has no value to suggest, because none exists', () => {
    const failure = checkHeaderExposed('Set-Cookie', { 'Access-Control-Expose-Headers': 'Set-Cookie' }, omit);
    expect(failure).toMatchObject({ code: 'header_not_exposed', subject: 'Set-Cookie' });
    expect(failure?.expected).toBeUndefined();
    expect(failure?.fix).toBe('read Set-Cookie on the server: no response header can expose it');
    expect(failure?.message).toMatch(/never expose/);
  });
});
