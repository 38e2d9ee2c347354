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
