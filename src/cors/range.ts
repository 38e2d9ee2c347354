/**
 * Whether a Range value is a *simple range header value*: `bytes=` digits `-` optional digits, one
 * range, first ≤ last, and not a suffix range (`bytes=-500`), which browsers never emitted.
 * https://fetch.spec.whatwg.org/#simple-range-header-value, "parse a single range header value"
 * with allowWhitespace false. `caseInsensitiveUnit` models engines that lower-case the value first.
 */
export function isSimpleRange(value: string, caseInsensitiveUnit = false): boolean {
  const unit = value.slice(0, 6);
  if ((caseInsensitiveUnit ? unit.toLowerCase() : unit) !== 'bytes=') return false;
  const match = /^(\d*)-(\d*)$/.exec(value.slice(6));
  if (match === null) return false;
  const [, first = '', last = ''] = match;
  if (first === '') return false;
  if (last !== '' && BigInt(first) > BigInt(last)) return false;
  return true;
}
