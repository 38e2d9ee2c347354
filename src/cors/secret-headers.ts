// Headers that carry a credential. A fix for such a header is on the server (allow it, cache the preflight), never
// "move it into the URL": URLs end up in server logs, proxies, browser history and Referer headers.

const SECRET_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'cookie2',
  'api-key',
  'apikey',
  'x-api-key',
  'x-apikey',
]);
const SECRET_PARTS =
  /(?:^|[-_])(?:token|key|secret|password|passwd|auth|session|signature|credential|credentials|cookie|csrf|xsrf|jwt|bearer)(?:$|[-_])/;

/** True when a request header's name says it carries a credential (Authorization, an API key, a token, a cookie…). `name` is lower-case. */
export function isSecretHeader(name: string): boolean {
  return SECRET_NAMES.has(name) || SECRET_PARTS.test(name);
}
