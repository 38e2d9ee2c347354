import { describe, expect, it } from 'vitest';
import { createClient, isCorsError, RequestInputError, type ReasonCode } from '../../src/index.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// Calls every browser refuses before sending, whatever the server would say. Some of them Node's fetch sends anyway
// (any `priority`, a keepalive body of any size): the client must refuse them itself, with a typed error that names
// the rule, in every cors mode. The API's records prove that nothing left.
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/refusal/${++probe}`;
type Client = ReturnType<typeof createClient>;
const client = (cors: 'off' | 'warn' | 'strict'): Client =>
  createClient({ baseUrl: api.origin, origin: page.origin, engine: 'chromium', retry: 0, cors, onWarning: () => undefined });

const cases: [string, ReasonCode, RegExp, (c: Client, target: string) => Promise<unknown>][] = [
  [
    'priority: bogus (Node sends it)',
    'invalid_option',
    /`priority: 'bogus'` is not a valid value/,
    (c, t) => c.get(t, { priority: 'bogus' as RequestPriority }),
  ],
  [
    'referrerPolicy: bogus',
    'invalid_option',
    /`referrerPolicy: 'bogus'`/,
    (c, t) => c.get(t, { referrerPolicy: 'bogus' as ReferrerPolicy }),
  ],
  [
    "cache: 'only-if-cached' in cors mode",
    'only_if_cached',
    /cache 'only-if-cached' requires mode 'same-origin'/,
    (c, t) => c.get(t, { cache: 'only-if-cached' }),
  ],
  [
    "mode: 'no-cors' with PUT",
    'no_cors_method',
    /mode 'no-cors' allows only GET, HEAD and POST, not PUT/,
    (c, t) => c.put(t, { mode: 'no-cors' }),
  ],
  [
    'a keepalive POST over 64 KiB (Node sends it)',
    'keepalive_body_too_large',
    /keepalive body may be at most 64 KiB \(this one is 70000 bytes\)/,
    (c, t) => c.post(t, { keepalive: true, body: new Uint8Array(70_000) }),
  ],
  [
    'a keepalive JSON body over 64 KiB',
    'keepalive_body_too_large',
    /at most 64 KiB/,
    (c, t) => c.post(t, { keepalive: true, json: { data: 'x'.repeat(70_000) } }),
  ],
];

describe('calls every browser refuses: a RequestInputError, nothing sent', () => {
  for (const [title, code, message, run] of cases) {
    for (const cors of ['off', 'warn', 'strict'] as const) {
      it(`${title} (cors: ${cors})`, async () => {
        const target = path();
        let caught: unknown;
        try {
          await run(client(cors), target);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(RequestInputError);
        expect(isCorsError(caught)).toBe(false); // a predicted refusal is not "blocked by CORS"
        const error = caught as RequestInputError;
        expect(error.reasons.map((reason) => reason.code)).toEqual([code]);
        expect(error.message).toMatch(message);
        expect(error.message).toContain(`${api.origin}${target}`);
        expect(error.message).toContain('Nothing was sent');
        await new Promise((resolve) => setTimeout(resolve, 20)); // a request in flight would have landed by now
        expect(api.recordsUnder(target)).toHaveLength(0);
      });
    }
  }

  it('explain returns the refusal instead of throwing', async () => {
    const prediction = await client('warn').explain(path(), { priority: 'bogus' as RequestPriority });
    expect(prediction.reasons.map((reason) => reason.code)).toEqual(['invalid_option']);
  });

  it('the same options with valid values are sent', async () => {
    const target = path();
    await client('strict').post(target, {
      keepalive: true,
      body: new Uint8Array(1_000),
      priority: 'high',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(api.recordsUnder(target)).toHaveLength(1);
  });

  it('a keepalive budget set at the client level counts too', async () => {
    const target = path();
    const keepalive = createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, keepalive: true, onWarning: () => undefined });
    // Thrown while the call is made, as every malformed call is: before ky builds a Request.
    expect(() => keepalive.post(target, { body: 'x'.repeat(65_537) })).toThrow(RequestInputError);
    expect(api.recordsUnder(target)).toHaveLength(0);
  });
});
