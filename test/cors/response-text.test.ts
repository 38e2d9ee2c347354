import { describe, expect, it } from 'vitest';
import { CORS_CHECK_CODES } from '../../src/cors/response-check.js';
import {
  checkCorsResponse,
  checkHeaderExposed,
  checkPreflightResponse,
  describeCheck,
  type CorsCheckCode,
  type CorsCheckFailure,
} from '../../src/cors/index.js';

// The one formatter of the response side: words from code and data, for every code, and a fix never sends a secret into a URL.
const origin = 'https://app.example';
const ALL_CODES: readonly CorsCheckCode[] = CORS_CHECK_CODES;

function everyFailure(): CorsCheckFailure[] {
  const include = { origin, credentials: 'include' as const, method: 'PUT', unsafeHeaders: ['authorization', 'x-key'] };
  const omit = { ...include, credentials: 'omit' as const };
  return [
    ...checkPreflightResponse(302, {}, include),
    ...checkPreflightResponse(500, { 'access-control-allow-origin': '*' }, include),
    ...checkPreflightResponse(
      204,
      { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'put', 'access-control-allow-headers': '*' },
      include,
    ),
    ...checkPreflightResponse(
      204,
      {
        'access-control-allow-origin': `${origin}, ${origin}`,
        'access-control-allow-methods': 'GET PUT',
        'access-control-allow-headers': 'x y',
      },
      omit,
    ),
    ...checkPreflightResponse(
      204,
      { 'access-control-allow-origin': 'https://b.example', 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': '*' },
      omit,
    ),
    ...checkCorsResponse({ 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'TRUE' }, include),
    checkHeaderExposed('x-total', {}, include) as CorsCheckFailure,
  ];
}

describe('describeCheck', () => {
  it('words every code, from its data alone, and the checks carry exactly those words', () => {
    const failures = everyFailure();
    const seen = new Set(failures.map((failure) => failure.code));
    expect(ALL_CODES.filter((code) => code !== 'unreachable' && !seen.has(code))).toEqual([]);
    for (const failure of failures) {
      const { message, fix, ...data } = failure;
      expect(describeCheck(data)).toEqual(fix === undefined ? { message } : { message, fix });
      expect(message).not.toMatch(/undefined|\[object|status \?/);
      expect(fix ?? '').not.toMatch(/undefined|\[object/);
    }
    expect(describeCheck({ stage: 'network', code: 'unreachable' }).message).toMatch(/could not be reached/);
    expect(describeCheck({ stage: 'network', code: 'unreachable' }).message).toMatch(/not a CORS refusal/);
  });

  it('a fix never advises moving credentials, tokens or keys into the URL', () => {
    const texts = [...everyFailure(), { ...describeCheck({ stage: 'network', code: 'unreachable' }) }].map(
      (failure) => `${failure.message} ${failure.fix ?? ''}`,
    );
    for (const text of texts) expect(text).not.toMatch(/query|URL parameter|in the URL|\?token|search param/i);
  });

  it('says which stage lacks the header, and what to send', () => {
    const [preflight] = checkPreflightResponse(204, {}, { origin, credentials: 'omit', method: 'GET', unsafeHeaders: [] });
    expect(preflight?.message).toBe('the preflight (OPTIONS) answer has no Access-Control-Allow-Origin');
    expect(preflight?.fix).toBe(`send Access-Control-Allow-Origin: ${origin} on the OPTIONS answer`);
    const [response] = checkCorsResponse({}, { origin, credentials: 'omit' });
    expect(response?.message).toBe('the response has no Access-Control-Allow-Origin');
    expect(response?.fix).toBe(
      `send Access-Control-Allow-Origin: ${origin} on every response, error responses included (4xx/5xx handlers often skip the CORS middleware)`,
    );
  });
});
