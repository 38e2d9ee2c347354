import { describe, expect, it } from 'vitest';
import { predictCors, type CorsPrediction, type PredictOptions } from '../../src/cors/index.js';

const page = 'https://app.example';
const api = 'https://api.example/items';
const predict = (init?: RequestInit, options: PredictOptions = {}, url: RequestInfo | URL = api): CorsPrediction =>
  predictCors(url, init, { origin: page, engine: 'standard', ...options });
const codes = (prediction: CorsPrediction): string[] => prediction.reasons.map((reason) => reason.code);

describe('predictCors: verdicts', () => {
  it('a plain GET is simple and the browser adds Accept: */*', () => {
    const p = predict();
    expect(p.kind).toBe('simple');
    expect(p.preflight).toBe(false);
    expect(p.headers).toEqual([['accept', '*/*']]);
    expect(p.reasons).toEqual([]);
  });

  it('same-origin calls involve no CORS, whatever they carry', () => {
    const p = predict({ method: 'PUT', headers: { 'X-Foo': '1' } }, {}, `${page}/x`);
    expect(p.kind).toBe('same-origin');
    expect(p.unsafeHeaders).toEqual([]);
  });

  it('relative URLs resolve against the page origin', () => {
    expect(predict(undefined, {}, '/relative').kind).toBe('same-origin');
  });

  it('lists unsafe header names lower-case, sorted and unique', () => {
    const p = predict({
      headers: [
        ['X-B', '1'],
        ['x-a', '2'],
        ['X-A', '3'],
      ],
    });
    expect(p.kind).toBe('preflight');
    expect(p.unsafeHeaders).toEqual(['x-a', 'x-b']);
  });

  it('normalizes only the six standard methods', () => {
    expect(predict({ method: 'post' }).method).toBe('POST');
    expect(predict({ method: 'post' }).kind).toBe('simple');
    const patch = predict({ method: 'patch' });
    expect(patch.method).toBe('patch');
    expect(patch.kind).toBe('preflight');
    expect(patch.reasons[0]?.fix).toContain('PATCH');
  });

  it.each(['CONNECT', 'trace', 'Track'])('refuses the forbidden method %s', (method) => {
    const p = predict({ method });
    expect(p.kind).toBe('rejected');
    expect(codes(p)).toEqual(['forbidden_method']);
  });

  it('drops forbidden headers silently and says so', () => {
    const p = predict({ headers: { Cookie: 'a=1', 'Sec-Foo': '1', 'Proxy-X': '1', 'X-HTTP-Method-Override': 'TRACE' } });
    expect(p.kind).toBe('simple');
    expect(codes(p)).toEqual(Array(4).fill('forbidden_header_dropped'));
    expect(p.headers).toEqual([['accept', '*/*']]);
  });

  it('keeps X-HTTP-Method-Override when it names an allowed method (and it is then unsafe)', () => {
    expect(predict({ headers: { 'X-HTTP-Method-Override': 'PUT' } }).unsafeHeaders).toEqual(['x-http-method-override']);
  });

  it('adds the Content-Type a body implies and judges it', () => {
    expect(predict({ method: 'POST', body: 'x' }).headers).toContainEqual(['content-type', 'text/plain;charset=UTF-8']);
    expect(predict({ method: 'POST', body: new URLSearchParams('a=1') }).kind).toBe('simple');
    const blob = predict({ method: 'POST', body: new Blob(['{}'], { type: 'application/json' }) });
    expect(blob.kind).toBe('preflight');
    expect(blob.reasons[0]).toMatchObject({ code: 'header_not_safelisted', header: 'content-type', rule: 'mime-essence', source: 'body' });
  });

  it('an explicit Content-Type wins over the body one', () => {
    expect(
      predict({ method: 'POST', body: new Blob(['x'], { type: 'application/json' }), headers: { 'Content-Type': 'text/plain' } }).kind,
    ).toBe('simple');
  });

  it('a stream body is preflighted and needs duplex', () => {
    const stream = (): ReadableStream => new ReadableStream();
    expect(codes(predict({ method: 'POST', body: stream(), duplex: 'half' } as RequestInit))).toEqual(['stream_body']);
    expect(codes(predict({ method: 'POST', body: stream() }))).toEqual(['stream_without_duplex']);
    expect(codes(predict({ method: 'POST', body: stream(), duplex: 'half', keepalive: true } as RequestInit))).toEqual([
      'stream_not_allowed',
    ]);
  });

  it('refuses a body on GET and HEAD', () => {
    expect(codes(predict({ method: 'GET', body: 'x' }))).toEqual(['body_not_allowed']);
    expect(codes(predict({ method: 'head', body: 'x' }))).toEqual(['body_not_allowed']);
  });

  it('no-cors: no preflight, non-safelisted headers dropped, only safelisted methods', () => {
    const p = predict({ mode: 'no-cors', headers: { 'X-Foo': '1', Accept: 'text/plain' } });
    expect(p.kind).toBe('no-cors');
    expect(p.headers).toEqual([['accept', 'text/plain']]);
    expect(codes(p)).toEqual(['no_cors_header_dropped']);
    expect(codes(predict({ mode: 'no-cors', method: 'PUT' }))).toEqual(['no_cors_method']);
    expect(codes(predict({ mode: 'no-cors', redirect: 'error' }))).toEqual(['no_cors_redirect']);
  });

  it("mode 'same-origin' refuses another origin", () => {
    expect(codes(predict({ mode: 'same-origin' }))).toEqual(['same_origin_mode']);
  });

  it('keepalive bodies over 64 KiB are refused', () => {
    expect(predict({ method: 'POST', keepalive: true, body: new ArrayBuffer(65536) }).kind).toBe('simple');
    expect(codes(predict({ method: 'POST', keepalive: true, body: new ArrayBuffer(65537) }))).toEqual(['keepalive_body_too_large']);
  });

  it('reads a Request object, and init overrides it', () => {
    const request = new Request(api, { method: 'PUT', headers: { 'X-Foo': '1' } });
    expect(predictCors(request, undefined, { origin: page, engine: 'standard' }).unsafeHeaders).toEqual(['x-foo']);
    expect(predictCors(request, { headers: {} }, { origin: page, engine: 'standard' }).unsafeHeaders).toEqual([]);
  });
});

describe('predictCors: header value rules', () => {
  const unsafe = (name: string, value: string): string[] => predict({ headers: [[name, value]] }).unsafeHeaders;

  it('applies the 128-byte limit after trimming whitespace', () => {
    expect(unsafe('Accept', 'a'.repeat(128))).toEqual([]);
    expect(unsafe('Accept', 'a'.repeat(129))).toEqual(['accept']);
    expect(unsafe('Accept', ` ${'a'.repeat(128)}\t`)).toEqual([]);
  });

  it.each(['"', '(', ')', ':', '<', '>', '?', '@', '[', '\\', ']', '{', '}', '\x7f', '\x01'])('treats %j in Accept as unsafe', (byte) => {
    expect(unsafe('Accept', `a${byte}b`)).toEqual(['accept']);
  });

  it('allows tab and non-ASCII bytes in Accept (standard)', () => {
    expect(unsafe('Accept', 'a\tb')).toEqual([]);
    expect(unsafe('Accept', 'é')).toEqual([]);
  });

  it('restricts the language headers to their byte set', () => {
    expect(unsafe('Accept-Language', 'en-US,en;q=0.9')).toEqual([]);
    expect(unsafe('Content-Language', 'en_US')).toEqual(['content-language']);
  });

  it.each([
    ['text/plain', true],
    ['TEXT/Plain;charset=utf-8', true],
    ['text/plain ;x=y', true],
    ['multipart/form-data; boundary=x', true],
    ['application/json', false],
    ['text/plain; charset="utf-8"', false],
    ['text /plain', false],
    ['text', false],
    ['text/plain,application/json', false],
  ])('Content-Type %j safelisted: %s', (value, safe) => {
    expect(unsafe('Content-Type', value)).toEqual(safe ? [] : ['content-type']);
  });

  it.each([
    ['bytes=0-', true],
    ['bytes=0-10', true],
    ['bytes=5-5', true],
    ['bytes=10-0', false],
    ['bytes=-5', false],
    ['Bytes=0-1', false],
    ['bytes=0-1,2-3', false],
    ['bytes= 0-1', false],
  ])('Range %j safelisted: %s', (value, safe) => {
    expect(unsafe('Range', value)).toEqual(safe ? [] : ['range']);
  });

  it('makes every safelisted name unsafe once their values pass 1024 bytes in all', () => {
    const eight = Array.from({ length: 8 }, (_, i): [string, string] => ['Accept', `${i}${'a'.repeat(127)}`]);
    expect(predict({ headers: eight }).unsafeHeaders).toEqual([]);
    const p = predict({ headers: [...eight, ['Accept-Language', 'x']] });
    expect(p.unsafeHeaders).toEqual(['accept', 'accept-language']);
    expect(codes(p)).toEqual(['safelist_size_exceeded']);
  });

  it('refuses invalid names and values', () => {
    expect(codes(predict({ headers: [['X Foo', '1']] }))).toEqual(['invalid_header_name']);
    expect(codes(predict({ headers: [['X-Foo', 'a\nb']] }))).toEqual(['invalid_header_value']);
    expect(codes(predict({ headers: [['X-Foo', '€']] }))).toEqual(['invalid_header_value']);
  });
});

describe('predictCors: engines and bad input', () => {
  it('Chromium safelists client hints with their value rules', () => {
    expect(predict({ headers: { DPR: '2' } }, { engine: 'chromium' }).kind).toBe('simple');
    expect(predict({ headers: { DPR: 'x' } }, { engine: 'chromium' }).kind).toBe('preflight');
    expect(predict({ headers: { DPR: '2' } }, { engine: 'standard' }).kind).toBe('preflight');
  });

  it('never throws: bad input is a rejected verdict with a reason', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    for (const [input, init] of [
      [api, 5],
      [api, hostile],
      [
        {
          toString: () => {
            throw new Error('x');
          },
        },
        undefined,
      ],
      ['http://[::1', undefined],
    ] as const) {
      const p = predictCors(input as RequestInfo, init as RequestInit, { origin: page });
      expect(p.kind).toBe('rejected');
      expect(p.reasons[0]?.message).toBeTruthy();
    }
    expect(predictCors(api, {}, { origin: 'not an origin' }).reasons[0]?.code).toBe('invalid_option');
    expect(predictCors(api, {}, { engine: 'netscape' as 'standard' }).reasons[0]?.code).toBe('invalid_option');
  });

  it('judges the call cross-origin when the page origin is unknown, and says so', () => {
    const p = predictCors(api, { method: 'PUT' }, { engine: 'standard' });
    expect(p.kind).toBe('preflight');
    expect(codes(p)).toContain('origin_unknown');
  });
});
