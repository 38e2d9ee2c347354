import { tagOf } from './body.js';

/** How many target URLs (and page origins) the cache keeps. */
export const URL_CACHE_LIMIT = 64;

/** The serialized origin of a page origin string or URL, or null when it cannot be read. */
export function readOrigin(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return value === 'null' ? 'null' : (readTarget(value, null)?.origin ?? null);
}

/** The origin of a real page or worker, once read. */
let pageOrigin: string | undefined;

/**
 * The page origin a browser would use: the global `origin` (the document's or worker's own, https://html.spec.whatwg.org/#dom-origin),
 * else `location.origin` (Deno with `--location`). Not `location.origin` first: that is the origin of the page's URL,
 * which a sandboxed document does not have — measured in Chromium 156 under CSP `sandbox allow-scripts`: `self.origin`
 * is 'null' and every call carries `Origin: null`, while `location.origin` still reads 'http://127.0.0.1:…'.
 */
export function ambientOrigin(): string | undefined {
  if (pageOrigin !== undefined) return pageOrigin;
  const scope = globalThis as { origin?: unknown; location?: { origin?: unknown } };
  const origin =
    typeof scope.origin === 'string' ? scope.origin : typeof scope.location?.origin === 'string' ? scope.location.origin : undefined;
  // A document's or worker's origin never changes while its scripts run, and reading it crosses into the browser on
  // every call: where the Location is a real one (it cannot be replaced: [LegacyUnforgeable]) it is read once. A
  // stand-in (a test's stub of `origin` or `location`) is read every time.
  if (/Location$/.test(tagOf(scope.location))) pageOrigin = origin;
  return origin;
}

/** Resolves a URL string against the page origin, as fetch() resolves against the document's base URL. */
export function resolveUrl(url: string, origin: string | null): URL | null {
  try {
    return origin !== null && origin !== 'null' ? new URL(url, origin) : new URL(url);
  } catch {
    return null;
  }
}

/** The serialized origin of an absolute URL; `'null'` (an opaque origin's serialization) for anything that is not one. */
export function originOf(url: unknown): string {
  try {
    return new URL(url as string).origin;
  } catch {
    return 'null';
  }
}

/**
 * The origin of a URL the URL parser already serialized (a prediction's `url`, a Request's `url`): an http(s) URL
 * without user info is its text up to the path, read without parsing it again (this runs on every call).
 */
export function originOfHref(href: string): string {
  const origin = /^https?:\/\/[^/@]+(?=\/|$)/.exec(href);
  return origin === null ? originOf(href) : origin[0];
}

/**
 * True when a call to `target` (a serialized origin) is same-origin for a page on `page`. An unknown page (null) is
 * same-origin with nothing, and so is an opaque one: `'null'` (a sandboxed iframe, a `file:` page, a `data:` page)
 * is the serialization of an origin that https://html.spec.whatwg.org/#same-origin matches only with itself, never
 * with another `'null'`, so every call such a page makes is cross-origin and carries `Origin: null`.
 */
export function isSameOrigin(target: string, page: string | null): boolean {
  return page !== null && page !== 'null' && target === page;
}

/** The parts of a call's target URL that a prediction reads, as plain strings: a URL's getters cost on every read. */
export interface TargetUrl {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  /** The URL carries a user name or a password. */
  readonly credentials: boolean;
}

// A page has one origin and predicts many calls, often to the same URLs: each (URL, page origin) is parsed once, at
// most URL_CACHE_LIMIT of them kept. Long strings (a data: URL) are parsed every time, never kept.
const targetCache = new Map<string, { base: string | null; target: TargetUrl | null }>();

/** {@link resolveUrl} for a call's target (or a page origin, with no base), remembered per URL string and page origin. */
export function readTarget(url: string, origin: string | null): TargetUrl | null {
  let entry = targetCache.get(url);
  if (entry?.base !== origin) {
    const parsed = resolveUrl(url, origin);
    const target = parsed && {
      href: parsed.href,
      origin: parsed.origin,
      protocol: parsed.protocol,
      credentials: parsed.username !== '' || parsed.password !== '',
    };
    entry = { base: origin, target };
    if (url.length <= 2048) {
      if (targetCache.size >= URL_CACHE_LIMIT) targetCache.clear();
      targetCache.set(url, entry);
    }
  }
  return entry.target;
}

/** The number of URLs the cache holds now (for the test that it stays bounded). */
export function urlCacheSize(): number {
  return targetCache.size;
}
