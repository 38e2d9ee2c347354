import { describe, expect, it } from 'vitest';
import { checkCorsResponse, checkPreflightResponse, preflightCacheSeconds } from '../../src/cors/index.js';

const origin = 'https://app.example';
const codes = (failures: { code: string }[]): string[] => failures.map((failure) => failure.code);

describe('checkCorsResponse', () => {
  it('accepts * without credentials and the exact origin with them', () => {
    expect(checkCorsResponse({ 'Access-Control-Allow-Origin': '*' }, { origin, credentials: 'omit' })).toEqual([]);
    expect(checkCorsResponse(new Headers({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' }), { origin, credentials: 'include' })).toEqual([]);
  });

  it('names what is missing or wrong, and the value it should be', () => {
    const [missing] = checkCorsResponse({}, { origin, credentials: 'same-origin' });
    expect(missing).toMatchObject({ code: 'missing_allow_origin', header: 'Access-Control-Allow-Origin', received: null, expected: origin });
    expect(codes(checkCorsResponse({ 'access-control-allow-origin': '*' }, { origin, credentials: 'include' }))).toEqual(['wildcard_origin_with_credentials']);
    expect(codes(checkCorsResponse({ 'access-control-allow-origin': 'https://other.example' }, { origin, credentials: 'omit' }))).toEqual(['allow_origin_mismatch']);
    expect(codes(checkCorsResponse([['access-control-allow-origin', `${origin}, https://b.example`]], { origin, credentials: 'omit' }))).toEqual(['multiple_allow_origin']);
    expect(codes(checkCorsResponse({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'TRUE' }, { origin, credentials: 'include' }))).toEqual(['allow_credentials_not_true']);
  });
});

describe('checkPreflightResponse', () => {
  const base = { origin, credentials: 'omit' as const, method: 'PUT', unsafeHeaders: ['authorization', 'x-a'] };

  it('passes a preflight that allows the method and every header', () => {
    expect(checkPreflightResponse(204, { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'GET, PUT', 'access-control-allow-headers': 'Authorization, X-A' }, base)).toEqual([]);
  });

  it('fails a non-2xx status, a missing method (case-sensitive) and a missing header', () => {
    const failures = checkPreflightResponse(404, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'put', 'access-control-allow-headers': 'authorization' }, base);
    expect(codes(failures)).toEqual(['preflight_status', 'method_not_allowed', 'header_not_allowed']);
    expect(failures[2]?.expected).toBe('authorization, x-a');
  });

  it('wildcards: * covers methods and headers without credentials, never Authorization, and nothing with credentials', () => {
    const wild = { 'access-control-allow-origin': '*', 'access-control-allow-methods': '*', 'access-control-allow-headers': '*' };
    expect(codes(checkPreflightResponse(204, wild, base))).toEqual(['wildcard_does_not_cover_authorization']);
    const credentialed = { ...wild, 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
    expect(codes(checkPreflightResponse(204, credentialed, { ...base, credentials: 'include' }))).toEqual(['method_not_allowed', 'header_not_allowed', 'header_not_allowed']);
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
