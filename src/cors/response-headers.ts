import { normalizeHeaderValue } from './bytes.js';

/** Response headers in any common shape: a `Headers`, `[name, value]` pairs, or a plain record. */
export type ResponseHeaders = Headers | Iterable<readonly [string, string]> | Record<string, string>;

function entriesOf(headers: ResponseHeaders): Iterable<readonly [string, string]> {
  return Symbol.iterator in (headers as object)
    ? (headers as Iterable<readonly [string, string]>)
    : Object.entries(headers as Record<string, string>);
}

/**
 * A response header's value as a browser reads it off the wire: each line's value without surrounding whitespace,
 * repeated lines combined with `, `; null when absent. `name` is lower-case.
 */
export function readHeader(headers: ResponseHeaders, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const values: string[] = [];
  for (const [key, value] of entriesOf(headers)) if (key.toLowerCase() === name) values.push(normalizeHeaderValue(value));
  return values.length === 0 ? null : values.join(', ');
}

/** The distinct header names of a response, lower-case, in first-seen order. */
export function headerNames(headers: ResponseHeaders): string[] {
  const names = new Set<string>();
  for (const [key] of entriesOf(headers)) names.add(key.toLowerCase());
  return [...names];
}
