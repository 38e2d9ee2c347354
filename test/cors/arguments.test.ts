import { describe, expect, it } from 'vitest';
import { predictCors, refusedByRequestConstructor, type CorsPrediction, type Engine } from '../../src/cors/index.js';

// What predictCors does with arguments the Request constructor refuses, and with values that make reading them throw.
// Each verdict was checked in Chromium 156, Firefox 153.8 ESR and WebKitGTK 2.50.6 (see test/conformance/shapes.ts).
const page = 'https://app.example';
const api = 'https://api.example/items';
const predict = (input: unknown, init?: unknown, engine: Engine = 'chromium'): CorsPrediction =>
  predictCors(input as RequestInfo, init as RequestInit, { origin: page, engine });
const codes = (prediction: CorsPrediction): string[] => prediction.reasons.map((reason) => reason.code);
const thrower = (value: unknown): RequestInit =>
  ({
    get method(): string {
      throw value;
    },
  }) as RequestInit;

describe('predictCors never throws, and names what was thrown', () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cases: [string, unknown, RegExp][] = [
    ['an object with no prototype', Object.create(null), /threw an object with no prototype/],
    ['a revoked Proxy', revoked.proxy, /threw a revoked Proxy/],
    ['undefined', undefined, /threw a bare `throw` with no value/],
    ['null', null, /threw null$/],
    ['an Error without message', new RangeError(), /threw a RangeError with no message/],
    ['an Error', new TypeError('boom'), /threw TypeError: boom/],
    ['a string', 'nope', /threw the string "nope"/],
    ['a Symbol', Symbol('s'), /threw the symbol Symbol\(s\)/],
    [
      'an object whose name and message getters throw',
      {
        get name(): string {
          throw new Error();
        },
        get message(): string {
          throw new Error();
        },
      },
      /threw an Object with no message/,
    ],
  ];
  it.each(cases)('a getter that throws %s', (_, value, message) => {
    const p = predict(api, thrower(value));
    expect(p.kind).toBe('rejected');
    expect(codes(p)).toEqual(['invalid_input']);
    expect(p.reasons[0]?.message).toMatch(message);
    expect(p.reasons[0]?.message).not.toMatch(/: undefined$/);
  });

  it('a revoked Proxy as init, as input and as options', () => {
    expect(predict(api, revoked.proxy).reasons[0]?.message).toMatch(/reading the arguments threw TypeError: .*revoked/);
    expect(predict(revoked.proxy).kind).toBe('rejected');
    expect(predictCors(api, {}, revoked.proxy as never).kind).toBe('rejected');
  });

  it('an engine or origin option that cannot become a string is named, not thrown', () => {
    const p = predictCors(api, {}, { engine: Object.create(null) as Engine });
    expect(codes(p)).toEqual(['invalid_option']);
    expect(p.reasons[0]?.message).toContain('an object with no prototype');
  });
});

describe('predictCors refuses what the Request constructor refuses', () => {
  it('a Symbol as input, method, body, header name or header value (WebIDL cannot make a string of it)', () => {
    expect(codes(predict(Symbol('x')))).toEqual(['invalid_input']);
    expect(codes(predict(api, { method: Symbol('x') }))).toEqual(['invalid_input']);
    expect(codes(predict(api, { method: 'POST', body: Symbol('x') }))).toEqual(['invalid_input']);
    expect(codes(predict(api, { headers: { a: '1', [Symbol('k')]: 'x' } }))).toEqual(['invalid_input']);
    expect(codes(predict(api, { headers: { a: Symbol('v') } }))).toEqual(['invalid_input']);
    expect(codes(predict(api, { headers: [['a', Symbol('v')]] }))).toEqual(['invalid_input']);
    expect(codes(predict(api, { referrer: Symbol('r') }))).toEqual(['invalid_input']);
  });

  it('a non-enumerable Symbol key is skipped, as WebIDL records skip it', () => {
    const headers = { 'X-A': '1' };
    Object.defineProperty(headers, Symbol('k'), { value: 'x', enumerable: false });
    expect(predict(api, { headers }).unsafeHeaders).toEqual(['x-a']);
  });

  it('a locked ReadableStream body; a Request whose body was read', async () => {
    const stream = new ReadableStream();
    stream.getReader();
    expect(codes(predict(api, { method: 'POST', body: stream, duplex: 'half' }))).toEqual(['body_unusable']);
    const used = new Request(api, { method: 'POST', body: 'x' });
    await used.text();
    expect(codes(predict(used))).toEqual(['body_unusable']);
    expect(predict(used, { body: 'fresh' }).kind).not.toBe('rejected');
  });

  it('Firefox has no stream bodies: a locked stream is stringified like any other', () => {
    const stream = new ReadableStream();
    stream.getReader();
    expect(predict(api, { method: 'POST', body: stream, duplex: 'half' }, 'firefox').kind).toBe('simple');
  });

  it('an unparsable referrer; relative, foreign and empty ones are fine', () => {
    const p = predict(api, { referrer: 'http://[' });
    expect(codes(p)).toEqual(['invalid_referrer']);
    expect(p.reasons[0]?.message).toContain('http://[');
    for (const referrer of ['', '/relative', 'https://elsewhere.example/', 'about:client'])
      expect(predict(api, { referrer }).kind).toBe('simple');
  });

  it('init.window other than null: a TypeError in the standard and WebKit, ignored by Chromium and Firefox', () => {
    const verdicts = Object.fromEntries(
      (['standard', 'chromium', 'firefox', 'webkit'] as const).map((engine) => [engine, predict(api, { window: {} }, engine).kind]),
    );
    expect(verdicts).toEqual({ standard: 'rejected', chromium: 'simple', firefox: 'simple', webkit: 'rejected' });
    expect(predict(api, { window: null }, 'webkit').kind).toBe('simple');
    expect(codes(predict(api, { window: {} }, 'standard'))).toEqual(['window_not_null']);
  });

  it('blob: URLs answer GET from their own origin only', () => {
    expect(predict(`blob:${page}/1234`).kind).toBe('same-origin');
    for (const method of ['PUT', 'POST', 'HEAD']) expect(codes(predict(`blob:${page}/1234`, { method }))).toEqual(['blob_url_refused']);
    const foreign = predict('blob:https://api.example/1234');
    expect(codes(foreign)).toEqual(['blob_url_refused']);
    expect(foreign.reasons[0]?.message).toContain('another origin');
    expect(predict('blob:https://api.example/1234', { mode: 'no-cors' }).kind).toBe('rejected');
    expect(predict('blob:opaque').kind).toBe('rejected');
  });

  it('when a call breaks several rules, the reason the Request constructor throws for comes first', () => {
    // A header value the constructor refuses beats the body size fetch() refuses later.
    expect(codes(predict(api, { method: 'POST', keepalive: true, body: new Uint8Array(70_000), headers: { 'X-A': 'a\nb' } }))).toEqual([
      'invalid_header_value',
    ]);
    // A blob: URL is fetch()'s refusal; a forbidden method is the constructor's.
    expect(codes(predict(`blob:${page}/1`, { method: 'TRACE' }))).toEqual(['forbidden_method']);
    // WebIDL converts the init's members in lexicographic order: cache before mode, headers before method.
    expect(codes(predict(api, { mode: 'bogus', cache: 'bogus' }))).toEqual(['invalid_option']);
    expect(predict(api, { mode: 'bogus', cache: 'bogus' }).reasons[0]?.message).toContain('cache');
    expect(codes(predict(api, { method: Symbol('m'), headers: { a: 'b\n' }, cache: 'bogus' }))).toEqual(['invalid_option']);
    // The header list is filled before the body is checked against GET.
    expect(codes(predict(api, { body: 'x', headers: { 'X A': '1' } }))).toEqual(['invalid_header_name']);
  });
});

describe('Firefox parses a request Content-Type more strictly than the standard', () => {
  const firefoxOnly = [
    'text/plain;;',
    'text/plain; ;',
    'text/plain;a=b;',
    'text/plain;charset=utf-8;',
    'text/plain;charset=utf-8 ;',
    'text/plain;=;',
    'Text/Plain;A=B;',
    'text/plain;,',
    'text/plain;a=b,c',
  ];
  const everywhere = [
    'text/plain;',
    'text/plain ;',
    'text/plain;;charset=utf-8',
    'text/plain; =x',
    'text/plain;a',
    'text/plain;charset=',
    'text/plain;a=b;;c=d',
    'multipart/form-data;',
  ];
  const contentType = (value: string, engine: Engine): string => {
    const p = predict(api, { method: 'POST', body: 'x', headers: { 'Content-Type': value } }, engine);
    return p.kind === 'preflight'
      ? `preflight ${p.reasons.map((reason) => (reason.code === 'header_not_safelisted' ? reason.rule : reason.code)).join()}`
      : p.kind;
  };
  it.each(firefoxOnly)('%j: preflighted in Firefox only', (value) => {
    expect(contentType(value, 'firefox')).toBe('preflight mime-parse');
    for (const engine of ['standard', 'chromium', 'webkit'] as const) expect(contentType(value, engine)).toBe('simple');
  });
  it.each(everywhere)('%j: simple everywhere', (value) => {
    for (const engine of ['standard', 'chromium', 'firefox', 'webkit'] as const) expect(contentType(value, engine)).toBe('simple');
  });
  it('a Blob type counts the same (the body sets Content-Type)', () => {
    expect(predict(api, { method: 'POST', body: new Blob(['x'], { type: 'text/plain;a=b;' }) }, 'firefox').kind).toBe('preflight');
  });
});

describe("refusedByRequestConstructor tells the constructor's refusals from fetch()'s", () => {
  it("a malformed call is the constructor's; a well-formed Request that fetch() refuses is not", () => {
    const first = (input: unknown, init?: unknown, engine: Engine = 'chromium'): boolean => {
      const reason = predict(input, init, engine).reasons[0];
      return reason !== undefined && refusedByRequestConstructor(reason);
    };
    expect(first(api, { method: 'TRACE' })).toBe(true);
    expect(first(api, { priority: 'bogus' })).toBe(true);
    expect(first(api, { mode: 'no-cors', method: 'PUT' })).toBe(true);
    expect(first(api, { method: 'POST', keepalive: true, body: new ReadableStream(), duplex: 'half' })).toBe(true);
    expect(first(api, { method: 'POST', keepalive: true, body: new Uint8Array(70_000) })).toBe(false);
    expect(first(`blob:${page}/1`, { method: 'PUT' })).toBe(false);
    expect(first('ftp://api.example/x')).toBe(false);
    expect(first(api, { method: 'POST', body: new ReadableStream(), duplex: 'half' }, 'webkit')).toBe(false);
  });
});
