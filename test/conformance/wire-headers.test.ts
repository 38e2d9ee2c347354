import { describe, expect, it } from 'vitest';
import { mismatches, type JudgedPrediction } from './compare.js';
import type { Observation } from './observe.js';
import { compareWireHeaders } from './wire-headers.js';

// The comparison itself, on hand-made observations: each check must be able to fail.
const chromium = (headers: [string, string][]): { engine: 'chromium'; headers: [string, string][] } => ({ engine: 'chromium', headers });
const BROWSER_LINES: [string, string][] = [
  ['Host', '127.0.0.1:1'],
  ['Connection', 'keep-alive'],
  ['Origin', 'http://127.0.0.1:2'],
  ['User-Agent', 'UA'],
  ['Accept-Encoding', 'gzip'],
  ['Accept-Language', 'en-US'],
  ['Sec-Fetch-Mode', 'cors'],
  ['Referer', 'http://127.0.0.1:2/'],
];

describe('compareWireHeaders', () => {
  it('agrees when every predicted header arrives with its exact value, beside the headers the browser adds', () => {
    expect(
      compareWireHeaders(
        chromium([
          ['x-foo', 'bar'],
          ['accept', '*/*'],
        ]),
        [...BROWSER_LINES, ['X-Foo', 'bar'], ['Accept', '*/*']],
      ),
    ).toEqual([]);
  });

  it('fails on a predicted header that is missing, a changed value, and a header nobody predicted', () => {
    expect(
      compareWireHeaders(
        chromium([
          ['x-foo', 'bar'],
          ['accept', '*/*'],
        ]),
        [['Accept', '*/*']],
      ),
    ).toEqual(['header x-foo: predicted "bar", not sent']);
    expect(compareWireHeaders(chromium([['accept', 'text/plain']]), [['Accept', 'text/plain ']])).toEqual([
      'header accept: predicted "text/plain", sent "text/plain "',
    ]);
    expect(
      compareWireHeaders(chromium([['accept', '*/*']]), [
        ['Accept', '*/*'],
        ['X-Foo', 'bar'],
      ]),
    ).toEqual(['header x-foo: not predicted, sent "bar"']);
  });

  it('compares a repeated name as the values combined in order', () => {
    expect(
      compareWireHeaders(
        chromium([
          ['x-a', '1'],
          ['x-a', '2'],
        ]),
        [['X-A', '1, 2']],
      ),
    ).toEqual([]);
    expect(
      compareWireHeaders(
        chromium([
          ['x-a', '1'],
          ['x-a', '2'],
        ]),
        [['X-A', '2, 1']],
      ),
    ).toHaveLength(1);
  });

  it("fails when a dropped forbidden header reaches the wire with the caller's value", () => {
    expect(compareWireHeaders(chromium([]), [['User-Agent', 'v']], [['User-Agent', 'v']])).toEqual([
      `header user-agent: predicted dropped, sent the caller's "v"`,
    ]);
    expect(compareWireHeaders(chromium([]), [['User-Agent', 'Mozilla/5.0']], [['User-Agent', 'v']])).toEqual([]);
  });

  it('matches a random multipart boundary against the profile prefix only', () => {
    const predicted = chromium([['content-type', 'multipart/form-data; boundary=----WebKitFormBoundary0123456789abcdef']]);
    expect(
      compareWireHeaders(predicted, [['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryAbC9xYz01234QrSt']]),
    ).toEqual([]);
    expect(compareWireHeaders(predicted, [['Content-Type', 'multipart/form-data; boundary=----geckoformboundary0123456789']])).toHaveLength(
      1,
    );
  });

  it("judges the wire by the prediction's wireHeaders where the engine rewrites a header, and knows no rewrite itself", () => {
    const listed = chromium([['range', 'Bytes=00-01']]);
    expect(compareWireHeaders({ ...listed, wireHeaders: [['range', 'bytes=0-1']] }, [['Range', 'bytes=0-1']])).toEqual([]);
    expect(compareWireHeaders(listed, [['Range', 'bytes=0-1']])).toEqual(['header range: predicted "Bytes=00-01", sent "bytes=0-1"']);
    expect(compareWireHeaders({ ...listed, wireHeaders: [['range', 'bytes=0-1']] }, [['Range', 'bytes=0-2']])).toHaveLength(1);
  });
});

describe('mismatches', () => {
  const observation = (overrides: Partial<Observation>): Observation => ({
    id: 'x',
    preflight: false,
    accessControlRequestHeaders: null,
    accessControlRequestMethod: null,
    actual: null,
    fetchRejected: true,
    requestConstructorThrew: false,
    outcome: 'refused',
    elapsedMs: 3,
    refused: true,
    ...overrides,
  });
  const rejected: JudgedPrediction = { kind: 'rejected', preflight: false, unsafeHeaders: [], headers: [], engine: 'chromium' };

  it('counts a quick rejection with nothing sent as the refusal predicted', () => {
    expect(mismatches(rejected, observation({}))).toEqual([]);
  });

  it('never counts a harness timeout as a refusal', () => {
    expect(mismatches(rejected, observation({ outcome: 'timeout', refused: false, elapsedMs: 8001 }))).toEqual([
      'the harness timed out after 8001 ms: no verdict (a failure of the harness, not a refusal)',
    ]);
  });

  it('fails a resolved fetch whose request no server saw', () => {
    const simple: JudgedPrediction = {
      kind: 'simple',
      preflight: false,
      unsafeHeaders: [],
      headers: [['accept', '*/*']],
      engine: 'chromium',
    };
    expect(mismatches(simple, observation({ outcome: 'response', refused: false, fetchRejected: false }))).toEqual([
      'fetch resolved but no request reached a server',
    ]);
  });
});
