import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCorsResponse, checkHeaderExposed, checkPreflightResponse, exposedHeaders, isHeaderExposed } from '../../src/cors/index.js';
import { engine, page } from '../helpers/arbitraries.js';

// What a hostile or broken server can send: any CORS header, any value, repeated, in any case.
const corsName = fc.constantFrom(
  'Access-Control-Allow-Origin',
  'access-control-allow-origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Expose-Headers',
  'Set-Cookie',
  'X-Secret',
  'Content-Type',
  'ETag',
);
const corsValue = fc.oneof(
  fc.constantFrom('*', page, `${page}/`, 'null', 'true', 'TRUE', 'PUT', 'put', 'x-key', 'authorization', '*, x-key', 'x y', ',,', ''),
  fc.string({ maxLength: 20 }),
);
const lines = fc.array(fc.tuple(corsName, corsValue), { maxLength: 8 });
const credentials = fc.constantFrom<RequestCredentials>('omit', 'same-origin', 'include');
const unsafe = fc.subarray(['authorization', 'x-key', 'x-other']);

describe('response checks: properties over arbitrary server answers', () => {
  it('never throw, and every failure has a code, a stage and words', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        lines,
        credentials,
        fc.constantFrom('GET', 'PUT', 'patch'),
        unsafe,
        engine,
        (status, headers, mode, method, names, which) => {
          const context = { origin: page, credentials: mode, method, unsafeHeaders: names };
          for (const failure of [
            ...checkPreflightResponse(status, headers, context, { engine: which }),
            ...checkCorsResponse(headers, context, { engine: which }),
          ]) {
            expect(failure.code).toMatch(/^[a-z_]+$/);
            expect(['preflight', 'response']).toContain(failure.stage);
            expect(failure.message.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('an engine never refuses what the standard allows (the only departure measured lets more through)', () => {
    fc.assert(
      fc.property(lines, credentials, unsafe, engine, (headers, mode, names, which) => {
        const context = { origin: page, credentials: mode, method: 'PUT', unsafeHeaders: names };
        if (checkPreflightResponse(204, headers, context).length === 0)
          expect(checkPreflightResponse(204, headers, context, { engine: which })).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('exposure: never Set-Cookie, only names the response has, safelisted ones always; a credentialed call never reads more', () => {
    fc.assert(
      fc.property(lines, credentials, (headers, mode) => {
        const exposed = exposedHeaders(headers, { credentials: mode });
        const present = new Set(headers.map(([name]) => name.toLowerCase()));
        expect(exposed).not.toContain('set-cookie');
        for (const name of exposed) expect(present.has(name)).toBe(true);
        if (present.has('content-type')) expect(exposed).toContain('content-type');
        const credentialed = exposedHeaders(headers, { credentials: 'include' });
        for (const name of credentialed) expect(exposedHeaders(headers, { credentials: 'omit' })).toContain(name);
        // checkHeaderExposed agrees with isHeaderExposed, and its suggested value does expose the header.
        for (const name of ['X-Secret', 'ETag']) {
          const failure = checkHeaderExposed(name, headers, { credentials: mode });
          expect(failure === null).toBe(isHeaderExposed(name, headers, { credentials: mode }));
          if (failure !== null)
            expect(
              isHeaderExposed(
                name,
                [
                  ...headers.filter(([n]) => n.toLowerCase() !== 'access-control-expose-headers'),
                  ['Access-Control-Expose-Headers', failure.expected ?? ''],
                ],
                { credentials: mode },
              ),
            ).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the value a preflight failure says to send does pass the preflight', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom<RequestCredentials>('omit', 'include'), unsafe, engine, (headers, mode, names, which) => {
        const context = { origin: page, credentials: mode, method: 'PUT', unsafeHeaders: names };
        const failures = checkPreflightResponse(204, headers, context, { engine: which });
        const fixed = new Map<string, string>();
        for (const failure of failures)
          if (failure.header !== undefined && failure.header !== 'status' && failure.expected !== undefined)
            fixed.set(failure.header.toLowerCase(), failure.expected);
        if (fixed.has('access-control-allow-origin') && mode === 'include') fixed.set('access-control-allow-credentials', 'true');
        const repaired = [...headers.filter(([name]) => !fixed.has(name.toLowerCase())), ...fixed];
        // One round of fixes may reveal the next requirement (e.g. credentials after the origin): two rounds settle it.
        const again = checkPreflightResponse(204, repaired, context, { engine: which });
        const fixedAgain = new Map(
          again.flatMap(({ header, expected }): [string, string][] =>
            header === undefined || expected === undefined ? [] : [[header.toLowerCase(), expected]],
          ),
        );
        const final = [...repaired.filter(([name]) => !fixedAgain.has(name.toLowerCase())), ...fixedAgain];
        expect(checkPreflightResponse(204, final, context, { engine: which }).map((failure) => failure.code)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
