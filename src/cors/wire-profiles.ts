import { ENGINE_PROFILES } from './engines.js';
import { bodyContentType, predictCors } from './predict.js';
import { readRequestShape } from './request-shape.js';
import type { Engine, PredictOptions } from './types.js';

// How each engine writes the request's header list onto the wire, where it departs from the list itself. The rules
// decide on the header list (the Fetch standard's); a few engines then rewrite a header below fetch(), after every
// CORS decision. Measured in Chromium 156, Firefox 153.8 ESR and WebKitGTK 2.50.6 with the conformance matrix
// (test/conformance/shapes.ts: the recording server keeps every request byte for byte).
// Kept out of predictCors: an app that only predicts verdicts ships none of this (issue 15's size targets).

type HeaderList = [string, string][];

/** One engine's rewrite: the list as it reaches the wire, or null where the rewrite does not apply (nearly always). */
type WireRewrite = (headers: HeaderList, mode: RequestMode, bodyContentType: string | null) => HeaderList | null;

const RANGE = /^bytes\s*=\s*\+?(\d*)\s*-\s*\+?(\d*)\s*,?$/i;
const HIGH_BYTE = /[\x80-\xff]/;
const withoutLeadingZeros = (digits = ''): string => digits.replace(/^0+(?=\d)/, '');

/** A one-range Range, parsed and written again: unit lower-cased, blanks, `+` signs, leading zeros and a trailing comma gone. */
const reserializedRange: WireRewrite = (headers) => {
  if (!headers.some(([name]) => name === 'range')) return null;
  let changed = false;
  const wire = headers.map(([name, value]): [string, string] => {
    const range = name === 'range' ? RANGE.exec(value) : null;
    const written = range === null ? value : `bytes=${withoutLeadingZeros(range[1])}-${withoutLeadingZeros(range[2])}`;
    changed ||= written !== value;
    return [name, written];
  });
  return changed ? wire : null;
};

/** A Content-Type set more than once: the first value only, not the list's values joined by `, `. */
const firstContentType: WireRewrite = (headers) => {
  const first = headers.findIndex(([name]) => name === 'content-type');
  if (!headers.some(([name], index) => name === 'content-type' && index > first)) return null;
  return headers.filter(([name], index) => name !== 'content-type' || index === first);
};

/** Value bytes 0x80–0xFF each sent as the two bytes of its UTF-8 encoding (a header value is a byte string: one char a byte). */
const utf8Values: WireRewrite = (headers) =>
  headers.some(([, value]) => HIGH_BYTE.test(value))
    ? headers.map(([name, value]) => [name, String.fromCharCode(...new TextEncoder().encode(value))])
    : null;

/** In no-cors, the body's Content-Type sent although the no-cors guard dropped it from the list. */
const noCorsBodyContentType: WireRewrite = (headers, mode, type) =>
  mode === 'no-cors' && type !== null && !headers.some(([name]) => name === 'content-type') ? [...headers, ['content-type', type]] : null;

/** The rewrites each engine does below fetch(); the standard does none. */
export const WIRE_REWRITES: Readonly<Record<Engine, readonly WireRewrite[]>> = Object.freeze({
  standard: [],
  // The range shapes: every one-range value Chromium accepts reaches the wire as net::HttpByteRange writes it
  // (`bytes = +00-1,` as `bytes=0-1`).
  chromium: [reserializedRange],
  // The repeated shapes `Content-Type twice` and `Content-Type plain then html`: only the first value reaches the wire
  // (Gecko holds Content-Type as a single-valued header).
  firefox: [firstContentType],
  // The accept-value shapes `text/é` and `text/\xff` (and every other value with a byte 0x80–0xFF): each such byte
  // reaches the wire as two. The mode shape `no-cors POST Blob application/json` reaches the wire with
  // `Content-Type: application/json`, which the no-cors guard dropped from the list.
  webkit: [utf8Values, noCorsBodyContentType],
});

/**
 * The header list as `engine` writes it on the wire, or undefined when that is the list itself. A call without a
 * header an engine rewrites costs a look at each header, in that engine only.
 * `bodyContentType` is the body's own Content-Type, which the no-cors guard may have dropped from the list.
 */
function wireHeaders(headers: HeaderList, engine: Engine, mode: RequestMode, bodyContentType: string | null): HeaderList | undefined {
  let wire: HeaderList | undefined;
  for (const rewrite of WIRE_REWRITES[engine]) wire = rewrite(wire ?? headers, mode, bodyContentType) ?? wire;
  return wire;
}

/**
 * The header list `fetch(input, init)` writes on the wire in the predicted engine: the prediction's `headers`, rewritten
 * where the engine rewrites a header below fetch() after every CORS decision (measured, `src/cors/wire-profiles.ts`):
 * Chromium re-serializes a Range, Firefox sends the first of repeated Content-Types, WebKit sends bytes 0x80–0xFF
 * UTF-8 encoded and a no-cors body's Content-Type. The prediction's `headers` as they are where no rewrite applies
 * (every call in the standard profile, nearly every call in the others); `[]` for a `rejected` call. The headers the
 * browser adds itself (Origin, User-Agent, `sec-fetch-*` …) are in neither list. Never throws, like predictCors.
 *
 * @example
 * predictWireHeaders('https://api.example.com/file', { headers: { Range: 'Bytes = 0-1' } }, { origin: 'https://app.example.com', engine: 'chromium' })
 * // → [['range', 'bytes=0-1'], ['accept', '*\/*']]
 * @param input The URL or `Request`, as `fetch()` takes it.
 * @param init The `RequestInit`, as `fetch()` takes it.
 * @param options As for {@link predictCors}: the page's origin and the engine whose rules and rewrites apply.
 */
export function predictWireHeaders(input: RequestInfo | URL, init?: RequestInit, options: PredictOptions = {}): [string, string][] {
  const prediction = predictCors(input, init, options);
  if (prediction.kind === 'rejected') return [];
  return (
    wireHeaders(prediction.headers, prediction.engine, prediction.mode, noCorsBodyType(input, init, prediction.engine)) ??
    prediction.headers
  );
}

/**
 * The no-cors body's own Content-Type, which the no-cors guard may have dropped from the list; null outside no-cors.
 * Read again here (predictCors already read the arguments and did not throw, so this does not either).
 */
function noCorsBodyType(input: RequestInfo | URL, init: RequestInit | undefined, engine: Engine): string | null {
  const read = readRequestShape(input, init);
  if (!read.ok || read.shape.mode !== 'no-cors') return null;
  // A stream body an engine sends as the string "[object ReadableStream]" is text/plain, which the guard keeps in the
  // list: the stream's own (null) Content-Type gives the same wire.
  return bodyContentType(read.shape.body, read.shape, ENGINE_PROFILES[engine]);
}
