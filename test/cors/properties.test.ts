import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictCors, type CorsKind } from '../../src/cors/index.js';
import { engine, headerList, init, method, page, url } from '../helpers/arbitraries.js';

const rank: Record<CorsKind, number> = { 'same-origin': 0, 'no-cors': 0, simple: 1, preflight: 2, rejected: 3 };

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
      fc.property(
        headerList,
        fc.constantFrom('X-Extra', 'Authorization', 'X-Requested-With'),
        fc.string({ maxLength: 8 }).filter((v) => /^[ -~]*$/.test(v)),
        engine,
        (list, name, value, which) => {
          const before = predictCors('https://api.example/x', { headers: list }, { origin: page, engine: which });
          const after = predictCors('https://api.example/x', { headers: [...list, [name, value]] }, { origin: page, engine: which });
          expect(rank[after.kind]).toBeGreaterThanOrEqual(rank[before.kind]);
          if (before.kind !== 'rejected' && after.kind !== 'rejected') {
            expect(after.unsafeHeaders).toEqual(expect.arrayContaining(before.unsafeHeaders));
          }
        },
      ),
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
