import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINES, predictCors, type CorsKind, type Engine } from '../../src/cors/index.js';

const page = 'https://app.example';
const rank: Record<CorsKind, number> = { 'same-origin': 0, 'no-cors': 0, simple: 1, preflight: 2, rejected: 3 };

const byteString = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 140 });
const headerName = fc.oneof(
  fc.constantFrom('Accept', 'Accept-Language', 'Content-Language', 'Content-Type', 'Range', 'X-Foo', 'Authorization', 'Cookie', 'DPR', 'Save-Data', 'Sec-X', 'X-HTTP-Method-Override'),
  fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/),
  fc.string({ maxLength: 6 }),
);
const headerValue = fc.oneof(
  fc.constantFrom('text/plain', 'application/json', 'bytes=0-1', 'en-US', '*/*', 'on', '2', 'TRACE', ''),
  byteString,
  fc.string({ maxLength: 20 }),
);
const headerList = fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 });
const method = fc.oneof(fc.constantFrom('GET', 'get', 'POST', 'put', 'PATCH', 'patch', 'DELETE', 'OPTIONS', 'CONNECT', 'trace', 'FOO', 'G T', ''), fc.string({ maxLength: 8 }));
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 10 }),
  fc.constant(new URLSearchParams('a=1')),
  fc.constantFrom('', 'text/plain', 'application/json', 'image/png').map((type) => new Blob(['x'], { type })),
  fc.constant(new Uint8Array(4)),
);
const init = fc.record(
  {
    method,
    headers: fc.oneof(headerList, headerList.map((list) => Object.fromEntries(list))),
    body,
    mode: fc.constantFrom('cors', 'no-cors', 'same-origin', 'navigate', 'bogus'),
    credentials: fc.constantFrom('omit', 'same-origin', 'include'),
    cache: fc.constantFrom('default', 'no-store', 'only-if-cached'),
    redirect: fc.constantFrom('follow', 'error', 'manual'),
    keepalive: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RequestInit>;
const url = fc.oneof(fc.constantFrom('https://api.example/x', `${page}/same`, '/relative', 'data:,x', 'ftp://x/y', 'https://u:p@api.example/', 'http://[::1'), fc.webUrl(), fc.string({ maxLength: 12 }));
const engine = fc.constantFrom<Engine>(...ENGINES);

describe('predictCors properties', () => {
  it('never throws, and always returns a kind with a reason for every refusal', () => {
    fc.assert(
      fc.property(url, fc.option(init, { nil: undefined }), engine, (target, options, which) => {
        const p = predictCors(target, options, { origin: page, engine: which });
        expect(['same-origin', 'simple', 'preflight', 'no-cors', 'rejected']).toContain(p.kind);
        expect(p.preflight).toBe(p.kind === 'preflight');
        if (p.kind === 'rejected') expect(p.reasons.some((reason) => reason.severity === 'reject')).toBe(true);
        if (p.kind === 'preflight') expect(p.reasons.some((reason) => reason.severity === 'preflight')).toBe(true);
        expect([...p.unsafeHeaders].sort()).toEqual(p.unsafeHeaders);
      }),
      { numRuns: 3000 },
    );
  });

  it('adding a non-safelisted header never makes a call simpler', () => {
    fc.assert(
      fc.property(headerList, fc.constantFrom('X-Extra', 'Authorization', 'X-Requested-With'), fc.string({ maxLength: 8 }).filter((v) => /^[ -~]*$/.test(v)), engine, (list, name, value, which) => {
        const before = predictCors('https://api.example/x', { headers: list }, { origin: page, engine: which });
        const after = predictCors('https://api.example/x', { headers: [...list, [name, value]] }, { origin: page, engine: which });
        expect(rank[after.kind]).toBeGreaterThanOrEqual(rank[before.kind]);
        if (before.kind !== 'rejected' && after.kind !== 'rejected') {
          expect(after.unsafeHeaders).toEqual(expect.arrayContaining(before.unsafeHeaders));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('header name case never changes the verdict', () => {
    const flip = (text: string): string => [...text].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c.toLowerCase())).join('');
    fc.assert(
      fc.property(headerList, method, engine, (list, verb, which) => {
        const options = { origin: page, engine: which };
        const lower = predictCors('https://api.example/x', { method: verb, headers: list.map(([n, v]) => [n.toLowerCase(), v]) }, options);
        const mixed = predictCors('https://api.example/x', { method: verb, headers: list.map(([n, v]) => [flip(n), v]) }, options);
        expect(mixed.kind).toBe(lower.kind);
        expect(mixed.unsafeHeaders).toEqual(lower.unsafeHeaders);
      }),
      { numRuns: 2000 },
    );
  });
});
