import { UsageError } from './usage-error.js';

// The <url> argument. fetch() resolves a relative URL against the page, so `api.example.com/items` from
// https://app.example.com is https://app.example.com/api.example.com/items — same-origin, and surely not what was meant.

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
// `localhost:8080/x` parses as a URL whose scheme is `localhost:`: a host and port, not a scheme.
const HOST_AND_PORT = /^[^/:?#]+:\d+(?:[/?#]|$)/;
// The first segment names a host when it has a dot or a port, or is localhost.
const LOOKS_LIKE_HOST = /^(?:localhost|[^/:?#\s]+\.[^/:?#\s]+)(?::\d+)?(?:[/?#]|$)/i;

function noScheme(url: string): UsageError {
  const hint = LOOKS_LIKE_HOST.test(url) || HOST_AND_PORT.test(url) ? `: did you mean https://${url}?` : '';
  return new UsageError(`the URL ${JSON.stringify(url)} has no scheme${hint}`);
}

function isHttp(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Checks the URL `explain` judges: absolute, or a path (`/items`, `//host/items`) the page resolves against its
 * origin — then `--origin` is needed. An invalid absolute URL is left to the prediction: fetch() refuses it too.
 * @throws {UsageError} when the URL has no scheme, or is a path without `--origin`.
 */
export function checkExplainUrl(url: string, origin: string | undefined): void {
  if (url.startsWith('/')) {
    if (origin === undefined) throw new UsageError(`the path ${JSON.stringify(url)} needs --origin, the page it is resolved against`);
    return;
  }
  if (HOST_AND_PORT.test(url) || !SCHEME.test(url)) throw noScheme(url);
}

/**
 * Checks the URL `probe` sends to: an absolute http(s) URL.
 * @throws {UsageError} otherwise, suggesting the scheme when it is missing.
 */
export function checkProbeUrl(url: string): void {
  if (HOST_AND_PORT.test(url) || (!SCHEME.test(url) && !url.startsWith('/'))) throw noScheme(url);
  if (!isHttp(url)) throw new UsageError(`probe sends real requests: the URL must be absolute http(s), got ${JSON.stringify(url)}`);
}
