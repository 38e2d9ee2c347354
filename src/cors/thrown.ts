// Words for whatever a getter or toString threw while the arguments were read. Every step is guarded: the value may be
// a revoked Proxy (any trap throws), an object with no prototype (no toString), or carry throwing getters itself.

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function describeObject(value: object): string {
  // Reading the prototype is the cheapest trap: a revoked Proxy throws on it, and on every other access too.
  const prototype = safely(() => ({ of: Object.getPrototypeOf(value) as unknown }), undefined);
  if (prototype === undefined) return 'a revoked Proxy (or one whose traps throw)';
  if (prototype.of === null) return 'an object with no prototype';
  const name = safely(() => (value as { name?: unknown }).name, undefined);
  const message = safely(() => (value as { message?: unknown }).message, undefined);
  const label = typeof name === 'string' && name !== '' ? name : safely(() => Object.prototype.toString.call(value).slice(8, -1), 'object');
  if (typeof message === 'string' && message !== '') return `${label}: ${message}`;
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label} with no message`;
}

/** Names a thrown value in a sentence, never throwing itself, e.g. `TypeError: bad`, `the string "x"`, `a revoked Proxy`. */
export function describeThrown(value: unknown): string {
  switch (typeof value) {
    case 'object':
      return value === null ? 'null' : describeObject(value);
    case 'function':
      return describeObject(value);
    case 'string':
      return value === '' ? 'an empty string' : `the string ${JSON.stringify(value)}`;
    case 'symbol':
      return `the symbol ${safely(() => value.toString(), 'Symbol()')}`;
    case 'undefined':
      return 'a bare `throw` with no value';
    default:
      return `the ${typeof value} ${String(value)}`;
  }
}

/** A given value as text for a message: String(value) where that works, else a description (a Symbol, an object with no prototype). */
export function describeValue(value: unknown): string {
  return safely(() => String(value), describeThrown(value));
}
