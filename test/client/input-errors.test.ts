import { describe, expect, it } from 'vitest';
import { createClient, isRequestInputError, RequestInputError, type ReasonCode } from '../../src/index.js';
import { headerValue } from '../helpers/recording-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';

// A malformed call must fail with a typed error that names the bad part, and reach no server: the API's records prove it.
const { page, api } = useTwoOrigins();

let probe = 0;
const path = (): string => `/probe/input/${++probe}`;
const client = (options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseUrl: api.origin, origin: page.origin, engine: 'chromium', retry: 0, onWarning: () => undefined, ...options });

function refusal(run: () => unknown): RequestInputError {
  let caught: unknown;
  try {
    void run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RequestInputError);
  return caught as RequestInputError;
}

describe('malformed calls: a RequestInputError before anything is sent', () => {
  const cases: [string, ReasonCode, RegExp, (api: ReturnType<typeof client>, target: string) => unknown][] = [
    [
      'CR LF inside a header value',
      'invalid_header_value',
      /header `X-Trace` has a value with NUL, CR, LF/,
      (c, t) => c.get(t, { headers: { 'X-Trace': 'a\r\nInjected: 1' } }),
    ],
    [
      'a lone LF inside a value',
      'invalid_header_value',
      /`Authorization`/,
      (c, t) => c.get(t, { headers: { Authorization: 'Bearer a\nb' } }),
    ],
    ['NUL inside a value', 'invalid_header_value', /`X-Trace`/, (c, t) => c.post(t, { headers: [['X-Trace', 'a\0b']] })],
    ['a character above U+00FF', 'invalid_header_value', /`X-Name`/, (c, t) => c.get(t, { headers: { 'X-Name': 'Zoë €' } })],
    [
      'a header name with a space',
      'invalid_header_name',
      /`X Trace` is not a valid header name/,
      (c, t) => c.get(t, { headers: { 'X Trace': '1' } }),
    ],
    [
      'a header name with a colon',
      'invalid_header_name',
      /`X-A:` is not a valid header name/,
      (c, t) => c.get(t, { headers: new Map([['X-A:', '1']]) as never }),
    ],
    ['an unparsable URL', 'invalid_url', /`http:\/\/exa mple\.com\/` is not a valid URL/, (c) => c.get('http://exa mple.com/')],
    [
      'credentials in the URL',
      'url_has_credentials',
      /user name or password/,
      (c) => c.get(`http://user:secret@${new URL(api.origin).host}/x`),
    ],
    ['a body on GET', 'body_not_allowed', /a GET request cannot have a body/, (c, t) => c.get(t, { body: 'x' })],
  ];

  for (const [title, code, message, run] of cases) {
    it(title, () => {
      const target = path();
      const error = refusal(() => run(client(), target));
      expect(error.reasons.map((reason) => reason.code)).toContain(code);
      expect(error.message).toMatch(message);
      expect(error.message).toContain('Nothing was sent');
      expect(error.cause).toBeInstanceOf(TypeError); // the platform's own words are kept
      expect(isRequestInputError(error)).toBe(true);
      expect(api.recordsUnder(target)).toHaveLength(0);
    });
  }

  it('refuses in every cors mode: malformed is not a CORS question', () => {
    for (const cors of ['off', 'warn', 'strict'] as const) {
      const target = path();
      refusal(() => client({ cors }).put(target, { headers: { 'X-A': 'a\rb' } }));
      expect(api.recordsUnder(target)).toHaveLength(0);
    }
  });

  it("a bad header in the client's own options is refused when the client is made (or extended), naming the option", () => {
    expect(() => client({ headers: { 'X-Client': 'a\nb' } })).toThrow(/^`headers`: header `X-Client` has a value with NUL, CR, LF/);
    expect(() => client().extend({ headers: [['Bad Name', '1']] })).toThrow(/^`headers`: `Bad Name` is not a valid header name/);
  });

  it('a relative URL with nothing to resolve it against (Node, no baseUrl) is named as invalid', () => {
    const error = refusal(() => createClient({ origin: page.origin, onWarning: () => undefined }).get('/relative/path'));
    expect(error.reasons.map((reason) => reason.code)).toEqual(['invalid_url']);
    expect(error.message).toContain('`/relative/path`');
  });

  it('explain returns the rejected prediction instead of throwing', async () => {
    const prediction = await client().explain(path(), { method: 'TRACE' });
    expect(prediction.kind).toBe('rejected');
    expect(prediction.reasons.map((reason) => reason.code)).toEqual(['forbidden_method']);
    const badValue = await client().explain(path(), { headers: { 'X-A': 'a\nb' } });
    expect(badValue.reasons.map((reason) => reason.code)).toEqual(['invalid_header_value']);
  });

  it('leading and trailing whitespace (a token read with its newline) is trimmed as fetch does, and sent', async () => {
    const target = path();
    const response = await client().get(target, { headers: { Authorization: '  Bearer t\r\n' } });
    expect(response.status).toBe(200);
    const [seen] = api.recordsUnder(target).filter((record) => record.method === 'GET');
    expect(seen === undefined ? undefined : headerValue(seen, 'authorization')).toBe('Bearer t');
  });

  it("leaves ky's own option errors alone", () => {
    expect(() => client().get(path(), { prefixUrl: 'x' } as never)).toThrow(/prefix/);
  });
});
