import type { Engine } from './types.js';

// How each engine writes the request's header list onto the wire, where it departs from the list itself. The rules
// decide on the header list (the Fetch standard's); a few engines then rewrite a header below fetch(), after every
// CORS decision. Measured in Chromium 156, Firefox 153.8 ESR and WebKitGTK 2.50.6 with the conformance matrix
// (test/conformance/shapes.ts: the recording server keeps every request byte for byte).

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
export function wireHeaders(
  headers: HeaderList,
  engine: Engine,
  mode: RequestMode,
  bodyContentType: string | null,
): HeaderList | undefined {
  let wire: HeaderList | undefined;
  for (const rewrite of WIRE_REWRITES[engine]) wire = rewrite(wire ?? headers, mode, bodyContentType) ?? wire;
  return wire;
}
