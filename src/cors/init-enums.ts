// The RequestInit enumerations (https://fetch.spec.whatwg.org/#requestinit): WebIDL throws a TypeError for any
// other string, so a prediction must treat an unknown value as a refusal, not as the default. request-shape.ts checks
// them where WebIDL does: among the init's members, in lexicographic order.
export const INIT_ENUMS: Readonly<Record<string, ReadonlySet<string>>> = Object.freeze({
  mode: new Set(['cors', 'no-cors', 'same-origin', 'navigate']),
  credentials: new Set(['omit', 'same-origin', 'include']),
  cache: new Set(['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached']),
  redirect: new Set(['follow', 'error', 'manual']),
  duplex: new Set(['half']),
  priority: new Set(['high', 'low', 'auto']),
  referrerPolicy: new Set([
    '',
    'no-referrer',
    'no-referrer-when-downgrade',
    'same-origin',
    'origin',
    'strict-origin',
    'origin-when-cross-origin',
    'strict-origin-when-cross-origin',
    'unsafe-url',
  ]),
});

/**
 * The RequestInit members (https://fetch.spec.whatwg.org/#requestinit) read as strings, in the order WebIDL converts
 * them (lexicographic): the first conversion that throws is the refusal.
 */
export const STRING_MEMBERS = [
  'body',
  'cache',
  'credentials',
  'duplex',
  'headers',
  'integrity',
  'method',
  'mode',
  'priority',
  'redirect',
  'referrer',
  'referrerPolicy',
  'signal',
] as const;

/**
 * Every member of the RequestInit dictionary: what the Request constructor reads. Any other key of an init is not
 * the Request's: a platform's own (undici's `dispatcher`, a framework's cache options), which only
 * `fetch(input, init)` itself hands on.
 */
// Marked pure: a bundle that imports the enumerations without this set (predictCors) leaves it out.
export const REQUEST_INIT_MEMBERS: ReadonlySet<string> = /* @__PURE__ */ new Set([...STRING_MEMBERS, 'keepalive', 'window']);
