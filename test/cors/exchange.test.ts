import { describe, expect, it } from 'vitest';
import { judgeExchange, preflightHeaders, requestHeaders } from '../../src/cors/exchange.js';
import { predictCors } from '../../src/cors/index.js';

const origin = 'https://app.example';
const predict = (init: RequestInit, engine: 'standard' | 'chromium' | 'webkit' = 'standard', url = 'https://api.example/items') =>
  predictCors(url, init, { origin, engine });
const allowAll = {
  'Access-Control-Allow-Origin': origin,
  'Access-Control-Allow-Methods': 'PUT',
  'Access-Control-Allow-Headers': 'x-token',
};

describe('judgeExchange', () => {
  it('a passing preflight and answer: allowed, with the cache time this engine grants', () => {
    const put = { method: 'PUT', headers: { 'X-Token': 't' } };
    const observed = {
      preflight: { status: 204, headers: { ...allowAll, 'Access-Control-Max-Age': '3600' } },
      response: { status: 200, headers: allowAll },
    };
    expect(judgeExchange(predict(put, 'chromium'), observed)).toMatchObject({
      allowed: true,
      blockedAt: null,
      failures: [],
      preflightCacheSeconds: 3600,
      notes: [],
    });
    expect(judgeExchange(predict(put, 'webkit'), observed)).toMatchObject({
      allowed: true,
      preflightCacheSeconds: 600,
      notes: ['Access-Control-Max-Age 3600 is capped to 600 s by webkit'],
    });
  });

  it('stops at the first stage that fails, as the browser does', () => {
    const put = predict({ method: 'PUT', headers: { 'X-Token': 't' } });
    const atPreflight = judgeExchange(put, { preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } } });
    expect(atPreflight).toMatchObject({ allowed: false, blockedAt: 'preflight', preflightCacheSeconds: null });
    expect(atPreflight.failures.map((failure) => failure.code)).toEqual(['method_not_allowed', 'header_not_allowed']);
    const atResponse = judgeExchange(predict({}), { response: { status: 200, headers: {} } });
    expect(atResponse).toMatchObject({ allowed: false, blockedAt: 'response', failures: [{ code: 'missing_allow_origin' }] });
  });

  it('refused calls, same-origin calls, opaque answers and redirects', () => {
    expect(judgeExchange(predict({ method: 'TRACE' }), {})).toMatchObject({ allowed: false, blockedAt: 'request' });
    expect(judgeExchange(predict({}, 'standard', `${origin}/me`), {})).toMatchObject({ allowed: true, failures: [] });
    const opaque = judgeExchange(predict({ mode: 'no-cors' }), { response: { status: 200, headers: {} } });
    expect(opaque.allowed).toBe(true);
    expect(opaque.notes.join()).toContain('opaque');
    const moved = judgeExchange(predict({}), {
      response: { status: 302, headers: { Location: 'https://api.example/v2/items', 'Access-Control-Allow-Origin': '*' } },
    });
    expect(moved.notes).toEqual([
      'the server redirected (302 to https://api.example/v2/items): the browser follows and checks CORS again there',
    ]);
  });

  it('a missing observation is a TypeError naming it, never a silent verdict', () => {
    expect(() => judgeExchange(predict({ method: 'PUT' }), { response: { status: 200, headers: {} } })).toThrow(/observed\.preflight/);
    expect(() => judgeExchange(predict({}), {})).toThrow(/observed\.response/);
  });
});

describe('the wire format of a preflight and a call', () => {
  it('builds the OPTIONS as the standard does: Origin, the method, the sorted lower-case header list, nothing else', () => {
    const prediction = predict({ method: 'PUT', headers: { 'X-B': '1', 'X-A': '2', Authorization: 'secret' } });
    expect(preflightHeaders(prediction)).toEqual([
      ['Accept', '*/*'],
      ['Origin', origin],
      ['Access-Control-Request-Method', 'PUT'],
      ['Access-Control-Request-Headers', 'authorization,x-a,x-b'],
    ]);
  });

  it('adds Origin to a CORS call, and to a no-cors one only when it is not GET or HEAD', () => {
    expect(requestHeaders(predict({})).at(-1)).toEqual(['origin', origin]);
    expect(requestHeaders(predict({ mode: 'no-cors' })).some(([name]) => name === 'origin')).toBe(false);
    expect(requestHeaders(predict({ mode: 'no-cors', method: 'POST', body: 'x' })).at(-1)).toEqual(['origin', origin]);
  });
});
