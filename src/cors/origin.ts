import { tagOf } from './body.js';

/** How many target URLs (and page origins) the cache keeps. */
export const URL_CACHE_LIMIT = 64;

/** The serialized origin of a page origin string or URL, or null when it cannot be read. */
export function readOrigin(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  return value === 'null' ? 'null' : (readTarget(value, null)?.origin ?? null);
}

/** The origin of the page's real `Location`, once read. */
let pageOrigin: string | undefined;

/** The page origin a browser would use: `location.origin` where there is a location. */
export function ambientOrigin(): string | undefined {
  if (pageOrigin !== undefined) return pageOrigin;
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  const origin = typeof location?.origin === 'string' ? location.origin : undefined;
  // A page's Location cannot be replaced ([LegacyUnforgeable]) and its document's origin never changes, while reading
  // it crosses into the browser on every call: a real one is read once. A stand-in (a test's stub) is read every time.
  if (/Location$/.test(tagOf(location))) pageOrigin = origin;
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
