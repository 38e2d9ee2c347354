import { describe, expect, it } from 'vitest';
import { predictCors } from '../../src/cors/index.js';
import { describeCheck } from '../../src/cors/check-text.js';
import type { CorsCheckCode } from '../../src/cors/index.js';
import { CORS_CHECK_CODES } from '../../src/cors/response-check.js';
import { isSecretHeader } from '../../src/cors/secret-headers.js';

// A fix text must do no harm: a credential (Authorization, an API key, a token, a cookie) never goes into a URL,
// where logs, proxies, history and Referer headers keep it.
const SECRET = [
  'authorization',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-client-secret',
  'x-signing-key',
  'x-session-id',
  'x-amz-security-token',
  'x-password',
];
const PLAIN = ['x-requested-with', 'x-trace-id', 'x-request-id', 'x-client-version', 'x-monkey']; // "monkey" holds "key", but not as a word
const TO_URL = /query|url parameter|search ?param|\?[a-z_]+=/i;

const fixFor = (name: string): string => {
  const prediction = predictCors(
    'https://api.example/items',
    { headers: { [name]: 'v' } },
    { origin: 'https://app.example', engine: 'chromium' },
  );
  const reason = prediction.reasons.find((entry) => entry.code === 'header_not_safelisted');
  return reason?.fix ?? 'no reason';
};

describe('fix texts', () => {
  it.each(SECRET)('%s: the fix is on the server (Allow-Headers, Max-Age), never the URL', (name) => {
    expect(isSecretHeader(name)).toBe(true);
    const fix = fixFor(name);
    expect(fix).not.toMatch(TO_URL);
    expect(fix).toContain('Access-Control-Allow-Headers');
    expect(fix).toContain('Access-Control-Max-Age');
  });

  it.each(PLAIN)('%s (no credential): moving it into the query stays a suggestion', (name) => {
    expect(isSecretHeader(name)).toBe(false);
    expect(fixFor(name)).toMatch(/query parameter/);
  });

  it('no response-side fix points at the URL either', () => {
    const codes: readonly CorsCheckCode[] = CORS_CHECK_CODES;
    for (const code of codes) {
      for (const stage of ['preflight', 'response'] as const) {
        const { message, fix } = describeCheck({
          stage,
          code,
          header: 'Access-Control-Allow-Headers',
          expected: 'authorization, x-api-key',
          received: null,
        });
        expect(message.length, code).toBeGreaterThan(10);
        expect(fix, code).not.toMatch(TO_URL);
      }
    }
  });
});
