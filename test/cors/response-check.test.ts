import { describe, expect, it } from 'vitest';
import { checkCorsResponse, checkPreflightResponse, preflightCacheSeconds } from '../../src/cors/index.js';

const origin = 'https://app.example';
const codes = (failures: { code: string }[]): string[] => failures.map((failure) => failure.code);

describe('checkCorsResponse', () => {
  it('accepts * without credentials and the exact origin with them', () => {
    expect(checkCorsResponse({ 'Access-Control-Allow-Origin': '*' }, { origin, credentials: 'omit' })).toEqual([]);
    expect(
      checkCorsResponse(new Headers({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' }), {
        origin,
        credentials: 'include',
      }),
    ).toEqual([]);
  });

  it('names what is missing or wrong, and the value it should be', () => {
    const [missing] = checkCorsResponse({}, { origin, credentials: 'same-origin' });
    expect(missing).toMatchObject({
      code: 'missing_allow_origin',
      header: 'Access-Control-Allow-Origin',
      received: null,
      expected: origin,
    });
    expect(codes(checkCorsResponse({ 'access-control-allow-origin': '*' }, { origin, credentials: 'include' }))).toEqual([
      'wildcard_origin_with_credentials',
    ]);
    expect(codes(checkCorsResponse({ 'access-control-allow-origin': 'https://other.example' }, { origin, credentials: 'omit' }))).toEqual([
      'allow_origin_mismatch',
    ]);
    expect(
      codes(checkCorsResponse([['access-control-allow-origin', `${origin}, https://b.example`]], { origin, credentials: 'omit' })),
    ).toEqual(['multiple_allow_origin']);
    expect(
      codes(
        checkCorsResponse(
          { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'TRUE' },
          { origin, credentials: 'include' },
        ),
      ),
    ).toEqual(['allow_credentials_not_true']);
  });
});

describe('checkPreflightResponse', () => {
  const base = { origin, credentials: 'omit' as const, method: 'PUT', unsafeHeaders: ['authorization', 'x-a'] };

  it('passes a preflight that allows the method and every header', () => {
    expect(
      checkPreflightResponse(
        204,
        {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, PUT',
          'access-control-allow-headers': 'Authorization, X-A',
        },
        base,
      ),
    ).toEqual([]);
  });

  it('fails a non-2xx status, a missing method (case-sensitive) and a missing header', () => {
    const failures = checkPreflightResponse(
      404,
      { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'put', 'access-control-allow-headers': 'authorization' },
      base,
    );
    expect(codes(failures)).toEqual(['preflight_status', 'method_not_allowed', 'header_not_allowed']);
    expect(failures[2]?.expected).toBe('authorization, x-a');
  });

  it('wildcards: * covers methods and headers without credentials, never Authorization, and nothing with credentials', () => {
    const wild = { 'access-control-allow-origin': '*', 'access-control-allow-methods': '*', 'access-control-allow-headers': '*' };
    expect(codes(checkPreflightResponse(204, wild, base))).toEqual(['wildcard_does_not_cover_authorization']);
    const credentialed = { ...wild, 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
    expect(codes(checkPreflightResponse(204, credentialed, { ...base, credentials: 'include' }))).toEqual([
      'method_not_allowed',
      'header_not_allowed',
      'header_not_allowed',
    ]);
  });
});

describe('preflightCacheSeconds', () => {
  it('defaults to 5 s and applies each engine cap', () => {
    expect(preflightCacheSeconds(null, 'standard')).toBe(5);
    expect(preflightCacheSeconds('junk', 'chromium')).toBe(5);
    expect(preflightCacheSeconds('86400', 'chromium')).toBe(7200);
    expect(preflightCacheSeconds('86400', 'firefox')).toBe(86400);
    expect(preflightCacheSeconds('86400', 'webkit')).toBe(600);
    expect(preflightCacheSeconds('86400', 'standard')).toBe(86400);
  });
});

describe('the checks per engine (measured: test/conformance/response-cases.ts)', () => {
  const put = { origin, credentials: 'omit' as const, method: 'PUT', unsafeHeaders: ['authorization'] };
  const wild = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': '*' };

  it('Access-Control-Allow-Headers: * lets Authorization through in Chromium, Firefox and WebKit, not by the standard', () => {
    expect(codes(checkPreflightResponse(204, wild, put))).toEqual(['wildcard_does_not_cover_authorization']);
    expect(codes(checkPreflightResponse(204, wild, put, { engine: 'standard' }))).toEqual(['wildcard_does_not_cover_authorization']);
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) expect(checkPreflightResponse(204, wild, put, { engine })).toEqual([]);
    // With credentials * is a literal name in every engine: Authorization must be listed.
    const credentialed = { ...wild, 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
    for (const engine of ['standard', 'chromium', 'firefox', 'webkit'] as const) {
      expect(codes(checkPreflightResponse(204, credentialed, { ...put, credentials: 'include' }, { engine }))).toEqual([
        'header_not_allowed',
      ]);
    }
  });

  it('the standard failure names what to send: the names the server listed, plus Authorization', () => {
    const [failure] = checkPreflightResponse(
      204,
      { ...wild, 'access-control-allow-headers': '*, x-key' },
      { ...put, unsafeHeaders: ['authorization', 'x-key'] },
    );
    expect(failure).toMatchObject({
      stage: 'preflight',
      header: 'Access-Control-Allow-Headers',
      received: '*, x-key',
      subject: 'authorization',
      expected: '*, x-key, authorization',
    });
  });
});

describe('invalid Access-Control-Allow-Methods / -Headers lists fail the whole preflight', () => {
  const base = { origin, credentials: 'omit' as const, method: 'PUT', unsafeHeaders: ['x-key', 'x-other'] };
  const answer = (methods: string, headers: string) => ({
    'access-control-allow-origin': '*',
    'access-control-allow-methods': methods,
    'access-control-allow-headers': headers,
  });

  it.each(['GET PUT', 'PUT GET', 'PUT, G(ET', 'PUT, GET;', 'PUT, "GET"', '""'])('Allow-Methods %j', (methods) => {
    for (const engine of ['standard', 'chromium', 'firefox', 'webkit'] as const) {
      expect(codes(checkPreflightResponse(204, answer(methods, 'x-key, x-other'), base, { engine }))).toEqual(['invalid_allow_methods']);
    }
  });

  it('even for a safelisted method, which needs no Allow-Methods at all', () => {
    expect(codes(checkPreflightResponse(204, answer('GET POST', 'x-key, x-other'), { ...base, method: 'POST' }))).toEqual([
      'invalid_allow_methods',
    ]);
    expect(checkPreflightResponse(204, answer('GET', 'x-key, x-other'), { ...base, method: 'POST' })).toEqual([]);
  });

  it.each(['x-key, x-other, x y', 'x-key x-other', 'x-key; x-other', 'x-key, x-other, x(y', 'x-key, x-other, "x"'])(
    'Allow-Headers %j',
    (headers) => {
      expect(codes(checkPreflightResponse(204, answer('PUT', headers), base, { engine: 'chromium' }))).toEqual(['invalid_allow_headers']);
    },
  );

  it('empty items, spaces and several lines are a valid list', () => {
    for (const [methods, headers] of [
      ['GET,,PUT', 'x-key,,x-other'],
      [',PUT,', ' x-key , x-other '],
      ['PUT,', 'x-key, x-other,'],
    ]) {
      expect(checkPreflightResponse(204, answer(methods as string, headers as string), base)).toEqual([]);
    }
    const lines: [string, string][] = [
      ['Access-Control-Allow-Origin', '*'],
      ['Access-Control-Allow-Methods', 'GET'],
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'x-key'],
      ['Access-Control-Allow-Headers', 'x-other'],
    ];
    expect(checkPreflightResponse(204, lines, base)).toEqual([]);
  });

  it('names the invalid item, what the server sent, and a repaired list that covers the call', () => {
    const [methods] = checkPreflightResponse(204, answer('GET POST', 'x-key, x-other'), base);
    expect(methods).toMatchObject({ code: 'invalid_allow_methods', received: 'GET POST', subject: 'GET POST', expected: 'GET, POST, PUT' });
    const [headers] = checkPreflightResponse(204, answer('PUT', 'x-key, x y'), base);
    expect(headers).toMatchObject({
      code: 'invalid_allow_headers',
      received: 'x-key, x y',
      subject: 'x y',
      expected: 'x-key, x, y, x-other',
    });
  });
});

describe('the preflight status, and what the wire does to values', () => {
  const base = { origin, credentials: 'omit' as const, method: 'PUT', unsafeHeaders: [] };
  const allow = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT' };

  it('a redirect is its own code; other non-2xx statuses are preflight_status', () => {
    for (const status of [301, 302, 303, 307, 308])
      expect(codes(checkPreflightResponse(status, allow, base))).toEqual(['preflight_redirect']);
    for (const status of [400, 403, 404, 500, 503])
      expect(codes(checkPreflightResponse(status, allow, base))).toEqual(['preflight_status']);
    for (const status of [200, 204, 299]) expect(checkPreflightResponse(status, allow, base)).toEqual([]);
  });

  it('values lose surrounding spaces as on the wire; repeated lines combine, and two of a single-value header fail', () => {
    expect(checkCorsResponse([['Access-Control-Allow-Origin', `  ${origin}  `]], { origin, credentials: 'omit' })).toEqual([]);
    expect(
      checkCorsResponse(
        { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': ' true ' },
        { origin, credentials: 'include' },
      ),
    ).toEqual([]);
    expect(
      codes(
        checkCorsResponse(
          [
            ['Access-Control-Allow-Origin', origin],
            ['Access-Control-Allow-Origin', origin],
          ],
          { origin, credentials: 'omit' },
        ),
      ),
    ).toEqual(['multiple_allow_origin']);
    expect(
      codes(
        checkCorsResponse(
          [
            ['Access-Control-Allow-Origin', '*'],
            ['Access-Control-Allow-Origin', '*'],
          ],
          { origin, credentials: 'omit' },
        ),
      ),
    ).toEqual(['multiple_allow_origin']);
    const twice: [string, string][] = [
      ['Access-Control-Allow-Origin', origin],
      ['Access-Control-Allow-Credentials', 'true'],
      ['Access-Control-Allow-Credentials', 'true'],
    ];
    expect(codes(checkCorsResponse(twice, { origin, credentials: 'include' }))).toEqual(['allow_credentials_not_true']);
  });

  it('every failure carries its words, built by the one formatter', () => {
    for (const failure of checkPreflightResponse(302, {}, { ...base, credentials: 'include', unsafeHeaders: ['x-a'] })) {
      expect(failure.message.length).toBeGreaterThan(10);
      expect(failure.stage).toBe('preflight');
    }
  });
});
