import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, createResponseReader, HEAD_LIMIT, MalformedAnswer } from '../../src/cli/response-reader.js';

// The probe's HTTP/1.x answer reader, fed byte by byte where it matters: what it returns, and when it stops reading.

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

function feed(method: string, text: string, step = text.length): ReturnType<ReturnType<typeof createResponseReader>['push']> {
  const reader = createResponseReader(method);
  for (let at = 0; at < text.length; at += step) {
    const answer = reader.push(bytes(text.slice(at, at + step)));
    if (answer !== undefined) return answer;
  }
  return undefined;
}

describe('the answer reader', () => {
  it('reads a head split anywhere, names as sent, obs-fold joined, values trimmed', () => {
    const answer = feed(
      'GET',
      'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin:  *  \r\nX-Folded: a\r\n  b\r\nContent-Length: 2\r\n\r\nok',
      1,
    );
    expect(answer).toEqual({
      status: 200,
      headers: [
        ['Access-Control-Allow-Origin', '*'],
        ['X-Folded', 'a b'],
        ['Content-Length', '2'],
      ],
      bodyBytes: 2,
      bodyComplete: true,
    });
  });

  it('skips interim answers (100, 103) and takes the final one', () => {
    const answer = feed(
      'PUT',
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 204 No Content\r\nVary: Origin\r\n\r\n',
    );
    expect(answer).toMatchObject({ status: 204, headers: [['Vary', 'Origin']], bodyComplete: true });
  });

  it('accepts bare LF line ends and a status line without a reason', () => {
    expect(feed('GET', 'HTTP/1.0 404\nContent-Length: 0\n\n')).toMatchObject({ status: 404, bodyComplete: true });
  });

  it('knows a chunked body ended, trailers included, and a HEAD answer has no body', () => {
    expect(feed('GET', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n', 4)).toMatchObject({
      bodyComplete: true,
    });
    const reader = createResponseReader('GET');
    expect(reader.push(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n'))).toBeUndefined();
    expect(feed('HEAD', 'HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n')).toMatchObject({ bodyBytes: 0, bodyComplete: true });
  });

  it(`stops at ${BODY_LIMIT} body bytes and says the body was not read to its end`, () => {
    const reader = createResponseReader('GET');
    expect(reader.push(bytes('HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n'))).toBeUndefined();
    let answer: ReturnType<typeof reader.push>;
    for (let i = 0; answer === undefined && i < 100; i++) answer = reader.push(Buffer.alloc(4096));
    expect(answer).toMatchObject({ status: 200, bodyComplete: false, bodyBytes: BODY_LIMIT });
  });

  it('a body read to the connection close is complete, one cut short by the deadline is not', () => {
    const reader = createResponseReader('GET');
    reader.push(bytes('HTTP/1.1 200 OK\r\n\r\nsome'));
    expect(reader.partial(false)).toMatchObject({ bodyBytes: 4, bodyComplete: false });
    expect(reader.partial(true)).toMatchObject({ bodyBytes: 4, bodyComplete: true });
    expect(createResponseReader('GET').partial(true)).toBeUndefined();
  });

  it('refuses what is not HTTP/1.x, and a head past the limit', () => {
    expect(() => feed('GET', 'SSH-2.0-OpenSSH\r\n\r\n')).toThrow(MalformedAnswer);
    expect(() => feed('GET', 'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n')).toThrow(/not a header line/);
    expect(() => feed('GET', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toThrow(/hexadecimal/);
    const reader = createResponseReader('GET');
    reader.push(bytes('HTTP/1.1 200 OK\r\n'));
    expect(() => reader.push(bytes(`X-Long: ${'a'.repeat(HEAD_LIMIT)}`))).toThrow(/longer than/);
  });
});
