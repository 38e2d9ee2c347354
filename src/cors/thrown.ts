import { tagOf } from './body.js';

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
  const read = (key: 'name' | 'message'): unknown => safely(() => (value as Record<string, unknown>)[key], undefined);
  const name = read('name');
  const message = read('message');
  const label = typeof name === 'string' && name !== '' ? name : safely(() => tagOf(value), 'Object');
  if (typeof message === 'string' && message !== '') return `${label}: ${message}`;
  return `${/^[AEIOU]/i.test(label) ? 'an' : 'a'} ${label} with no message`;
}

/** Names a thrown value in a sentence, never throwing itself, e.g. `TypeError: bad`, `the string "x"`, `a revoked Proxy`. */
export function describeThrown(value: unknown): string {
  if (value === undefined) return 'a bare `throw` with no value';
  if (value === null) return 'null';
  if (typeof value === 'object' || typeof value === 'function') return describeObject(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  // A symbol, number, bigint or boolean: String() never throws on those.
  return `the ${typeof value} ${String(value)}`;
}

/** A given value as text for a message: String(value) where that works, else a description (an object with no prototype). */
export function describeValue(value: unknown): string {
  return safely(() => String(value), describeThrown(value));
}
