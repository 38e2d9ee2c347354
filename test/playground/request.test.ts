import { describe, expect, it } from 'vitest';
import { API_MAX_AGE } from '../../examples/demo/apis.js';
import { agreement } from '../../examples/playground/agreement.js';
import { demoApiMaxAge, PRESETS } from '../../examples/playground/presets.js';
import { buildRequest, parseHeaderLines, type PlaygroundInput } from '../../examples/playground/request.js';
import { runIt } from '../../examples/playground/run-it.js';
import { createRecordingServer } from '../helpers/recording-server.js';

// The playground's form → fetch() arguments: the verdict and "run it" both use this, so it must be exact.

const input = (fields: Partial<PlaygroundInput>): PlaygroundInput => ({
  url: 'http://127.0.0.1:4174/modern/items',
  method: 'GET',
  headers: '',
  bodyType: 'none',
  body: '',
  credentials: 'same-origin',
  mode: 'cors',
  engine: 'detected',
  maxAge: '',
  cors: 'warn',
  ...fields,
});

describe('the playground request', () => {
  it('reads one header a line, keeps repeats, trims around the colon, reports lines without one', () => {
    expect(parseHeaderLines('X-A: 1\n\n  x-a :2  \nnot a header\nX-Url: http://a:1/')).toEqual({
      headers: [
        ['X-A', '1'],
        ['x-a', '2'],
        ['X-Url', 'http://a:1/'],
      ],
      problems: ['header line 4 is not “Name: value”: not a header'],
    });
  });

  it("adds Content-Type: application/json for a JSON body, as ky's json: does, unless one is typed", () => {
    expect(buildRequest(input({ method: 'POST', bodyType: 'json', body: '{}' })).init.headers).toEqual([
      ['Content-Type', 'application/json'],
    ]);
    expect(buildRequest(input({ method: 'POST', bodyType: 'json', body: '{}', headers: 'content-type: text/plain' })).init.headers).toEqual(
      [['content-type', 'text/plain']],
    );
  });

  it('builds each body type fetch() distinguishes, a stream with duplex', () => {
    const body = (bodyType: PlaygroundInput['bodyType'], text: string): BodyInit | null | undefined =>
      buildRequest(input({ method: 'POST', bodyType, body: text })).init.body;
    expect(body('none', 'x')).toBeUndefined();
    expect(body('text', 'x')).toBe('x');
    expect(String(body('urlencoded', 'a=1&b=2'))).toBe('a=1&b=2');
    expect([...(body('form-data', 'a=1\nb=x=y') as FormData)]).toEqual([
      ['a', '1'],
      ['b', 'x=y'],
    ]);
    const streamed = buildRequest(input({ method: 'POST', bodyType: 'stream', body: 'x' }));
    expect(streamed.init.body).toBeInstanceOf(ReadableStream);
    expect(streamed.init.duplex).toBe('half');
  });

  it('leaves the method to fetch when the field is empty, and passes credentials and mode through', () => {
    const { url, init } = buildRequest(input({ method: ' ', url: '  http://x.test/  ', credentials: 'include', mode: 'no-cors' }));
    expect(url).toBe('http://x.test/');
    expect(init).toMatchObject({ credentials: 'include', mode: 'no-cors' });
    expect('method' in init).toBe(false);
  });
});

describe('the demo API a URL names', () => {
  const api = 'http://127.0.0.1:4174';
  it('gives that API’s Access-Control-Max-Age, the one its preflights really answer with', () => {
    expect(demoApiMaxAge(`${api}/modern/items/1`, api)).toBe(API_MAX_AGE.modern);
    expect(demoApiMaxAge(`${api}/broken/items/1`, api)).toBe('one day');
    expect(demoApiMaxAge(`${api}/legacy/user?id=7`, api)).toBe('');
  });

  it('gives nothing for a URL on no demo API, so the field stays as the reader left it', () => {
    for (const url of [`${api}/moder`, `${api}/`, 'http://127.0.0.1:9999/modern/items', 'not a url', `${api}/constructor/x`])
      expect(demoApiMaxAge(url, api), url).toBeUndefined();
  });

  it('every preset takes its max-age from its API, not from a copy', () => {
    expect(PRESETS.every((preset) => !('maxAge' in preset.input))).toBe(true);
  });
});

describe('a malformed form', () => {
  it('is refused by Run it, which sends nothing (checked against a recording server)', async () => {
    const server = await createRecordingServer();
    try {
      const report = await runIt(input({ url: `${server.origin}/modern/items`, headers: 'X-Ok: 1\nnot a header' }), server.origin);
      expect(report.outcome).toEqual({
        ok: false,
        error: 'MalformedInput',
        message: 'nothing sent: the form does not describe one call',
        details: ['header line 2 is not “Name: value”: not a header'],
      });
      expect([report.sender, report.prediction, report.seen]).toEqual([{ by: 'nobody', why: 'the input is malformed' }, undefined, null]);
      expect(agreement(report).text).toBe('Predicted: nothing sent. The URL is not on the demo API, so no server log to compare with.');
      expect(server.records).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
