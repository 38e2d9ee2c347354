import { tagOf } from './body.js';

// A page has one origin and predicts many calls: parsing it once per distinct string halves the URL work.
const originCache = new Map<string, string | null>();
/** How many page origins, and how many target URLs, the caches keep. */
export const URL_CACHE_LIMIT = 32;

/** The serialized origin of a page origin string or URL, or null when it cannot be read. */
export function readOrigin(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value === 'null') return 'null';
  const cached = originCache.get(value);
  if (cached !== undefined) return cached;
  let origin: string | null;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = null;
  }
  if (originCache.size >= URL_CACHE_LIMIT) originCache.clear();
  originCache.set(value, origin);
  return origin;
}

/**
 * The page origin a browser would use: the global `origin` (the document's or worker's own, https://html.spec.whatwg.org/#dom-origin),
 * else `location.origin` (Deno with `--location`). Not `location.origin` first: that is the origin of the page's URL,
 * which a sandboxed document does not have — measured in Chromium 156 under CSP `sandbox allow-scripts`: `self.origin`
 * is 'null' and every call carries `Origin: null`, while `location.origin` still reads 'http://127.0.0.1:…'.
 */
export function ambientOrigin(): string | undefined {
  const scope = globalThis as { origin?: unknown; location?: { origin?: unknown } };
  if (typeof scope.origin === 'string') return scope.origin;
  return typeof scope.location?.origin === 'string' ? scope.location.origin : undefined;
}

/** The origin of a real page or worker, once read. */
let fixedOrigin: string | undefined;

/**
 * {@link ambientOrigin} for predictCors, which reads it on every call. A document's or worker's origin never changes
 * while its scripts run, and reading it crosses into the browser: where the Location is a real one (it cannot be
 * replaced: [LegacyUnforgeable]) it is read once. A stand-in (a test's stub of `origin` or `location`) is read every time.
 */
export function pageOrigin(): string | undefined {
  if (fixedOrigin !== undefined) return fixedOrigin;
  const origin = ambientOrigin();
  if (/Location$/.test(tagOf((globalThis as { location?: unknown }).location))) fixedOrigin = origin;
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

// Calls repeat their URLs: each (URL, page origin) is parsed once, at most URL_CACHE_LIMIT of them kept. Long
// strings (a data: URL) are parsed every time, never kept.
const targetCache = new Map<string, { base: string | null; target: TargetUrl | null }>();

/** {@link resolveUrl} for a call's target, remembered per URL string and page origin. */
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

/** The number of entries each cache holds now (for the test that they stay bounded). */
export function urlCacheSizes(): { origins: number; targets: number } {
  return { origins: originCache.size, targets: targetCache.size };
}
