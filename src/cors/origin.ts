// A page has one origin and predicts many calls: parsing it once per distinct string halves the URL work.
const originCache = new Map<string, string | null>();
const ORIGIN_CACHE_LIMIT = 32;

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
  if (originCache.size >= ORIGIN_CACHE_LIMIT) originCache.clear();
  originCache.set(value, origin);
  return origin;
}

/** The page origin a browser would use: `location.origin` where there is a location. */
export function ambientOrigin(): string | undefined {
  const location = (globalThis as { location?: { origin?: unknown } }).location;
  return typeof location?.origin === 'string' ? location.origin : undefined;
}

/** Resolves a URL string against the page origin, as fetch() resolves against the document's base URL. */
export function resolveUrl(url: string, origin: string | null): URL | null {
  try {
    return origin !== null && origin !== 'null' ? new URL(url, origin) : new URL(url);
  } catch {
    return null;
  }
}
