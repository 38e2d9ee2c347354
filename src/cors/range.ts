import type { RangeSyntax } from './engines.js';

/**
 * Whether a Range value is a *simple range header value*: `bytes=` digits `-` optional digits, one
 * range, first ≤ last, and not a suffix range (`bytes=-500`), which browsers never emitted.
 * https://fetch.spec.whatwg.org/#simple-range-header-value ("parse a single range header value", no
 * whitespace allowed), bent by the engine's own parser where it differs (see engines.ts).
 */
export function isSimpleRange(value: string, syntax: RangeSyntax): boolean {
  const unit = value.slice(0, 6);
  if ((syntax.unitCaseInsensitive ? unit.toLowerCase() : unit) !== 'bytes=') return false;
  const match = (syntax.plusSign ? /^\+?(\d*)-\+?(\d*)$/ : /^(\d*)-(\d*)$/).exec(value.slice(6));
  if (match === null) return false;
  const [, first = '', last = ''] = match;
  if (first === '') return false;
  const start = BigInt(first);
  const end = last === '' ? null : BigInt(last);
  if (end !== null && start > end) return false;
  const max = syntax.maxPosition;
  return max === null || (start <= max && (end === null || end <= max));
}
