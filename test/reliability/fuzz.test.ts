import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictCors, type CorsPrediction, type Reason } from '../../src/cors/index.js';
import {
  createClient,
  credentialsPolicy,
  isCrosswiseError,
  minimizePreflights,
  sessionStats,
  type ClientOptions,
  type CredentialsPolicy,
  type MinimizeOptions,
  type StatsOptions,
} from '../../src/index.js';
import { engine, headerList, headerValue, init, page, url } from '../helpers/arbitraries.js';

// Arbitrary requests, hostile ones included (getters that throw anything, Symbols, revoked Proxies): predictCors
// answers each with a verdict that holds together and words that name the cause, and the client ends every call in a
// response or a typed, named error — never a hang, never a bare crash, never a request sent after a refusal.
// `npm run test:fuzz` runs 100,000 of each (FUZZ_RUNS sets the count); the default run is kept short.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const CLIENT_RUNS = Number(process.env['FUZZ_RUNS'] ?? 3_000);

// Bad options must name the option: `cors`, `engine`, ... in backticks (TypeError or RangeError).
const NAMES_AN_OPTION = /`[a-zA-Z.]+`/;

const revoked = Proxy.revocable({}, {});
revoked.revoke();
// fast-check inspects the values it draws (a revoked Proxy throws on that): the hostile ones are drawn by name and made in the property.
/** What a getter may throw: each of these once made predictCors throw, or say "fetch() would throw: undefined". */
const THROWN: Readonly<Record<string, () => unknown>> = {
  undefined: () => undefined,
  null: () => null,
  'null prototype': () => Object.create(null),
  'revoked proxy': () => revoked.proxy,
  'error without message': () => new RangeError(),
  error: () => new TypeError('boom'),
  string: () => 'a string',
  symbol: () => Symbol('thrown'),
  'throwing message getter': () => ({
    get message(): string {
      throw new Error('nested');
    },
  }),
  number: () => 42,
};
const HOSTILE_VALUES: Readonly<Record<string, () => unknown>> = {
  symbol: () => Symbol('value'),
  'revoked proxy': () => revoked.proxy,
  'null prototype': () => Object.create(null),
  'throwing toString': () => ({
    toString: () => {
      throw undefined;
    },
  }),
  'throwing proxy': () =>
    new Proxy(
      {},
      {
        get: () => {
          throw Object.create(null);
        },
      },
    ),
  undefined: () => undefined,
  number: () => 42,
};
const member = fc.constantFrom(
  'method',
  'headers',
  'body',
  'mode',
  'cache',
  'referrer',
  'referrerPolicy',
  'priority',
  'window',
  'keepalive',
  'signal',
);
type Hostile =
  | { kind: 'getter'; base: RequestInit; key: string; thrown: string }
  | { kind: 'member'; base: RequestInit; key: string; value: string }
  | { kind: 'symbol key'; base: RequestInit; name: string }
  | { kind: 'init'; value: string };
/** An init with one member whose getter throws, or holds a hostile value; or an init that is itself hostile. Described, then made. */
const hostileInit: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({ kind: fc.constant('getter' as const), base: init, key: member, thrown: fc.constantFrom(...Object.keys(THROWN)) }),
  fc.record({ kind: fc.constant('member' as const), base: init, key: member, value: fc.constantFrom(...Object.keys(HOSTILE_VALUES)) }),
  fc.record({ kind: fc.constant('symbol key' as const), base: init, name: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('init' as const), value: fc.constantFrom(...Object.keys(HOSTILE_VALUES)) }),
);
function makeInit(hostile: Hostile): unknown {
  switch (hostile.kind) {
    case 'getter':
      return Object.defineProperty({ ...hostile.base }, hostile.key, {
        enumerable: true,
        get: () => {
          throw THROWN[hostile.thrown]?.();
        },
      });
    case 'member':
      return { ...hostile.base, [hostile.key]: HOSTILE_VALUES[hostile.value]?.() };
    case 'symbol key':
      return { ...hostile.base, headers: { [hostile.name]: 'v', [Symbol('key')]: 'v' } };
    case 'init':
      return HOSTILE_VALUES[hostile.value]?.();
  }
}

const KINDS = ['same-origin', 'simple', 'preflight', 'no-cors', 'rejected'];

/** A message may quote what the caller gave ('undefined' as a URL); anything else that reads "undefined" is a bug. */
function wordingProblem(reason: Reason): string | null {
  if (typeof reason.message !== 'string' || reason.message === '') return 'an empty message';
  let words = reason.message;
  for (const value of Object.values(reason))
    if (typeof value === 'string' && value !== reason.message && value !== '') words = words.split(value).join('');
  const bad = /\bundefined\b|\[object \w+\]|\bNaN\b/.exec(words);
  return bad === null ? null : `"${bad[0]}" in ${JSON.stringify(reason.message)}`;
}

/** Everything a verdict promises about itself: the kind agrees with the reasons, the lists with the kind. */
function verdictProblems(p: CorsPrediction): string[] {
  const problems: string[] = [];
  const severities = p.reasons.map((reason) => reason.severity);
  if (!KINDS.includes(p.kind)) problems.push(`unknown kind ${String(p.kind)}`);
  if (p.preflight !== (p.kind === 'preflight')) problems.push('preflight flag disagrees with kind');
  for (const reason of p.reasons) {
    const problem = wordingProblem(reason);
    if (problem !== null) problems.push(`${reason.code}: ${problem}`);
  }
  if (p.kind === 'rejected') {
    if (severities[0] !== 'reject') problems.push('a refusal whose first reason is not a refusal');
    if (severities.filter((severity) => severity === 'reject').length !== 1) problems.push('a refusal with other than one refusing reason');
    if (p.headers.length > 0 || p.unsafeHeaders.length > 0) problems.push('a refusal that lists headers');
    return problems;
  }
  if (severities.includes('reject')) problems.push(`a ${p.kind} verdict with a refusing reason`);
  if (p.kind === 'preflight' && !severities.includes('preflight')) problems.push('a preflight without its cause');
  if (p.kind !== 'preflight' && (severities.includes('preflight') || p.unsafeHeaders.length > 0))
    problems.push(`a ${p.kind} verdict with preflight causes`);
  if (p.unsafeHeaders.join() !== [...p.unsafeHeaders].sort().join()) problems.push('unsafeHeaders not sorted');
  for (const reason of p.reasons)
    if (reason.code === 'header_not_safelisted' && !p.unsafeHeaders.includes(reason.header))
      problems.push(`${reason.header} judged unsafe but not listed`);
  if (!p.headers.some(([name]) => name === 'accept')) problems.push('no Accept in the sent headers');
  if (p.headers.some(([name]) => name !== name.toLowerCase())) problems.push('a header name not lower-case');
  return problems;
}

// Mostly valid values (one bad in `odds`), so most runs reach a call instead of stopping at createClient.
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>, odds = 30): fc.Arbitrary<T | U> =>
  fc.oneof({ arbitrary: valid, weight: odds - 1 }, { arbitrary: invalid, weight: 1 });
const corsMode = mostly(fc.constantFrom('warn', 'strict', 'off', undefined), fc.constant('loud'));
const clientOptions = fc.record(
  {
    origin: mostly(
      fc.constantFrom(page, 'http://127.0.0.1:8080', 'https://api.example'),
      fc.oneof(fc.constantFrom('null', 'not a url', 'https://app.example/path'), fc.webUrl()),
    ),
    engine: mostly(engine, fc.constant('netscape')),
    cors: corsMode,
    allowPreflight: mostly(
      fc.oneof(
        fc.boolean(),
        fc.record(
          {
            methods: fc.array(fc.constantFrom('PUT', 'patch', 'DELETE')),
            headers: fc.array(fc.constantFrom('authorization', 'X-Trace', 'content-type')),
          },
          { requiredKeys: [] },
        ),
      ),
      fc.constant('yes'),
    ),
    credentials: mostly(
      fc.oneof(
        fc.constantFrom('omit', 'same-origin', 'include'),
        fc.record(
          {
            include: fc.array(fc.constantFrom('https://api.example', page)),
            wildcard: fc.array(fc.constant('https://api.example')),
            otherwise: fc.constantFrom('omit', 'same-origin'),
          },
          { requiredKeys: [] },
        ),
      ),
      fc.oneof(fc.constant('always'), fc.record({ include: fc.constant(['https://*.example']), otherwise: fc.constant('include') })),
    ),
    stats: mostly(
      fc.record(
        {
          responseHeaders: fc.boolean(),
          preflightMaxAge: mostly(
            fc.oneof(fc.nat({ max: 86_400 }), fc.constant({ 'https://api.example': 600 })),
            fc.oneof(fc.integer({ min: -5, max: -1 }), fc.double({ noInteger: true })),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.constant({ responseHeaders: 'yes' }),
    ),
    minimize: mostly(
      fc.record(
        {
          jsonAsText: fc.boolean(),
          headersToQuery: fc.constant({ authorization: 'token' }),
          methodOverride: fc.constant('_method'),
          dropHeaders: fc.array(fc.constantFrom('x-trace', 'accept')),
        },
        { requiredKeys: [] },
      ),
      fc.constant({ methodOverride: '' }),
    ),
    headers: mostly(fc.constantFrom({ 'X-Client': '1' }, { Accept: 'application/json' }, {}), headerList),
    baseUrl: fc.constantFrom('https://api.example/v1/', 'http://127.0.0.1:8080/', undefined),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ClientOptions>;

const call = fc.record({
  verb: fc.constantFrom('get', 'post', 'put', 'patch', 'delete', 'head', 'explain') as fc.Arbitrary<
    'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'explain'
  >,
  target: fc.oneof(url, fc.constantFrom('items', '/items?x=1', 'https://api.example/items')),
  headers: mostly(
    fc.array(
      fc.tuple(
        fc.constantFrom('Authorization', 'X-Trace', 'Accept', 'Content-Type', 'Range'),
        fc.constantFrom('Bearer t', 'text/plain', 'application/json', 'bytes=0-9', '1'),
      ),
      { maxLength: 3 },
    ),
    headerList,
    3,
  ),
  body: fc.option(fc.oneof(fc.string({ maxLength: 8 }), headerValue), { nil: undefined }),
  json: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  cors: corsMode,
  credentials: fc.constantFrom('include', 'omit', undefined),
});

/**
 * The drawn options as an app passes them: a credentials policy, the minimize rewrites and the stats' options go
 * through their plugin factories, which check them (a bad one throws there, naming the option); a mode string stays a mode.
 */
function withPlugins(options: ClientOptions): ClientOptions {
  const { credentials, minimize, stats, ...rest } = options as Omit<ClientOptions, 'credentials' | 'minimize' | 'stats'> & {
    credentials?: unknown;
    minimize?: unknown;
    stats?: unknown;
  };
  const drawn: ClientOptions = { ...rest };
  if (typeof credentials === 'object' && credentials !== null) drawn.credentials = credentialsPolicy(credentials as CredentialsPolicy);
  else if (credentials !== undefined) drawn.credentials = credentials as RequestCredentials;
  if (minimize !== undefined) drawn.minimize = minimizePreflights(minimize as MinimizeOptions);
  if (stats !== undefined) drawn.stats = sessionStats(stats as StatsOptions);
  return drawn;
}

describe(`reliability: ${RUNS.toLocaleString('en')} arbitrary requests`, () => {
  it('predictCors answers every call, hostile ones included, with a verdict that holds together and names its cause', () => {
    // Each draw is a maker of (input, init), printed in a counterexample as the description it was made from.
    const maker = (description: unknown, make: () => readonly [unknown, unknown]) =>
      Object.assign(make, { [fc.toStringMethod]: () => fc.stringify(description) });
    const call = fc.oneof(
      {
        arbitrary: fc
          .record({ target: url, options: fc.option(init, { nil: undefined }) })
          .map((drawn) => maker(drawn, () => [drawn.target, drawn.options])),
        weight: 3,
      },
      {
        arbitrary: fc
          .record({ target: url, hostile: hostileInit })
          .map((drawn) => maker(drawn, () => [drawn.target, makeInit(drawn.hostile)])),
        weight: 2,
      },
      {
        arbitrary: fc
          .record({ input: fc.constantFrom(...Object.keys(HOSTILE_VALUES)), options: fc.option(init, { nil: undefined }) })
          .map((drawn) => maker(drawn, () => [HOSTILE_VALUES[drawn.input]?.(), drawn.options])),
        weight: 1,
      },
    );
    fc.assert(
      fc.property(call, engine, (make, which) => {
        const [target, options] = make();
        let prediction: CorsPrediction | undefined;
        expect(
          () => (prediction = predictCors(target as RequestInfo, options as RequestInit, { origin: page, engine: which })),
        ).not.toThrow();
        expect(verdictProblems(prediction as CorsPrediction)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('the fuzz can fail: a verdict that breaks its promises is caught', () => {
    const sound = predictCors('https://api.example/x', { method: 'PUT' }, { origin: page });
    expect(verdictProblems(sound)).toEqual([]);
    const undefinedWords = { ...sound, reasons: [{ ...sound.reasons[0], message: 'fetch() would throw: undefined' } as Reason] };
    expect(verdictProblems(undefinedWords)).toEqual(['method_not_safelisted: "undefined" in "fetch() would throw: undefined"']);
    expect(verdictProblems({ ...sound, kind: 'simple', preflight: false })).toContain('a simple verdict with preflight causes');
    expect(verdictProblems({ ...sound, kind: 'rejected', preflight: false })).toContain('a refusal whose first reason is not a refusal');
  });

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
          api = createClient({ ...withPlugins(options), retry: 0, timeout: false, onWarning: () => undefined, fetch });
        } catch (error) {
          expect(error).toBeInstanceOf(error instanceof RangeError ? RangeError : TypeError);
          expect((error as Error).message).toMatch(NAMES_AN_OPTION);
          return count('option refused');
        }
        const callOptions = {
          headers,
          ...(body === undefined ? {} : { body }),
          ...(json === undefined ? {} : { json }),
          ...(cors === undefined ? {} : { cors }),
          ...(credentials === undefined ? {} : { credentials }),
        } as Parameters<typeof api.get>[1];
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
          expect(error.message).not.toMatch(/: undefined\b|threw undefined/);
          count(error.name);
        }
      }),
      { numRuns: CLIENT_RUNS, timeout: 5_000 }, // a run that does not settle in 5 s fails as a hang
    );
    console.log(
      `client fuzz outcomes over ${CLIENT_RUNS} calls: ${JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])))}`,
    );
  }, 600_000); // 100,000 calls through ky take about 30 s here; a loaded CI machine gets room
});
