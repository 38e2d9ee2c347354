import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictCors } from '../../src/cors/index.js';
import { createClient, isCrosswiseError, type ClientOptions } from '../../src/index.js';
import { engine, headerList, headerValue, init, page, url } from '../helpers/arbitraries.js';

// 100,000 arbitrary requests each: predictCors never throws, and the client's option handling ends every call in a
// response or a typed, named error — never a hang, never a bare crash, never a request sent after a refusal.
const RUNS = 100_000;

// Bad options must name the option: `cors`, `engine`, ... in backticks (TypeError or RangeError).
const NAMES_AN_OPTION = /`[a-zA-Z.]+`/;

// Mostly valid values (one bad in `odds`), so most runs reach a call instead of stopping at createClient.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>, odds = 30): fc.Arbitrary<T | U> => fc.oneof({ arbitrary: valid, weight: odds - 1 }, { arbitrary: invalid, weight: 1 });
const corsMode = mostly(fc.constantFrom('warn', 'strict', 'off', undefined), fc.constant('loud'));
const clientOptions = fc.record(
  {
    origin: mostly(fc.constantFrom(page, 'http://127.0.0.1:8080', 'https://api.example'), fc.oneof(fc.constantFrom('null', 'not a url', 'https://app.example/path'), fc.webUrl())),
    engine: mostly(engine, fc.constant('netscape')),
    cors: corsMode,
    allowPreflight: mostly(fc.oneof(fc.boolean(), fc.record({ methods: fc.array(fc.constantFrom('PUT', 'patch', 'DELETE')), headers: fc.array(fc.constantFrom('authorization', 'X-Trace', 'content-type')) }, { requiredKeys: [] })), fc.constant('yes')),
    credentials: mostly(
      fc.oneof(
        fc.constantFrom('omit', 'same-origin', 'include'),
        fc.record({ include: fc.array(fc.constantFrom('https://api.example', page)), wildcard: fc.array(fc.constant('https://api.example')), otherwise: fc.constantFrom('omit', 'same-origin') }, { requiredKeys: [] }),
      ),
      fc.oneof(fc.constant('always'), fc.record({ include: fc.constant(['https://*.example']), otherwise: fc.constant('include') })),
    ),
    preflightMaxAge: mostly(fc.oneof(fc.nat({ max: 86_400 }), fc.constant({ 'https://api.example': 600 })), fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double({ noInteger: true }))),
    minimize: mostly(fc.record({ jsonAsText: fc.boolean(), headersToQuery: fc.constant({ authorization: 'token' }), methodOverride: fc.constant('_method'), dropHeaders: fc.array(fc.constantFrom('x-trace', 'accept')) }, { requiredKeys: [] }), fc.constant({ methodOverride: '' })),
    headers: mostly(fc.constantFrom({ 'X-Client': '1' }, { Accept: 'application/json' }, {}), headerList),
    baseUrl: fc.constantFrom('https://api.example/v1/', 'http://127.0.0.1:8080/', undefined),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ClientOptions>;

const call = fc.record({
  verb: fc.constantFrom('get', 'post', 'put', 'patch', 'delete', 'head', 'explain') as fc.Arbitrary<'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'explain'>,
  target: fc.oneof(url, fc.constantFrom('items', '/items?x=1', 'https://api.example/items')),
  headers: mostly(fc.array(fc.tuple(fc.constantFrom('Authorization', 'X-Trace', 'Accept', 'Content-Type', 'Range'), fc.constantFrom('Bearer t', 'text/plain', 'application/json', 'bytes=0-9', '1')), { maxLength: 3 }), headerList, 3),
  body: fc.option(fc.oneof(fc.string({ maxLength: 8 }), headerValue), { nil: undefined }),
  json: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  cors: corsMode,
  credentials: fc.constantFrom('include', 'omit', undefined),
});

describe(`reliability: ${RUNS.toLocaleString('en')} arbitrary requests`, () => {
  it('predictCors never throws and always answers a known kind', () => {
    fc.assert(
      fc.property(url, fc.option(init, { nil: undefined }), engine, (target, options, which) => {
        const prediction = predictCors(target, options, { origin: page, engine: which });
        expect(['same-origin', 'simple', 'preflight', 'no-cors', 'rejected']).toContain(prediction.kind);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it('the client ends every call in a response or a typed error, and sends nothing it refused', async () => {
    const outcomes = new Map<string, number>();
    const count = (outcome: string): void => void outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(clientOptions, call, async (options, { verb, target, headers, body, json, cors, credentials }) => {
        let sent = 0;
        const fetch = async (): Promise<Response> => {
          sent++;
          return new Response('{}', { headers: { 'content-type': 'application/json' } });
        };
        let api: ReturnType<typeof createClient>;
        try {
          api = createClient({ ...options, retry: 0, timeout: false, onWarning: () => undefined, fetch });
        } catch (error) {
          expect(error).toBeInstanceOf(error instanceof RangeError ? RangeError : TypeError);
          expect((error as Error).message).toMatch(NAMES_AN_OPTION);
          return count('option refused');
        }
        const callOptions = { headers, ...(body === undefined ? {} : { body }), ...(json === undefined ? {} : { json }), ...(cors === undefined ? {} : { cors }), ...(credentials === undefined ? {} : { credentials }) } as Parameters<typeof api.get>[1];
        try {
          if (verb === 'explain') {
            const prediction = await api.explain(target, callOptions);
            expect(sent).toBe(0);
            return count(`explain ${prediction.kind}`);
          }
          const response = await api[verb](target, callOptions);
          expect(response.status).toBe(200);
          count('sent');
        } catch (error) {
          // Every refusal is a crosswise error, before the network: no bare TypeError from ky or the platform.
          if (!isCrosswiseError(error)) throw error;
          expect(sent).toBe(0);
          count(error.name);
        }
      }),
      { numRuns: RUNS, timeout: 5_000 }, // a run that does not settle in 5 s fails as a hang
    );
    console.log(`client fuzz outcomes over ${RUNS} calls: ${JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])))}`);
  }, 300_000); // 100,000 calls through ky take about 30 s here; a loaded CI machine gets room
});
