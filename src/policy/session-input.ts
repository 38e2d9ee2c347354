import { normalizeMethod } from '../cors/methods.js';
import { SessionInputError, type SessionCall } from './server-config.js';

// The session `crosswise server-config` reads: the JSON of `api.stats()`, or a list of calls written by hand.
// Unknown JSON in, typed calls out, and a clear error naming the first thing that does not fit.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function names(value: unknown, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string'))
    throw new SessionInputError(`${what} must be a list of header names`);
  return value.map((name: string) => name.toLowerCase());
}

/** One endpoint of `api.stats()`: the key is `METHOD url`, e.g. `PUT https://api.example.com/items/1`. */
function fromEndpoint(key: string, entry: unknown, pageOrigin: string | undefined): SessionCall | null {
  const space = key.indexOf(' ');
  if (!isRecord(entry) || space <= 0) throw new SessionInputError(`endpoint ${JSON.stringify(key)} is not an endpoint of api.stats()`);
  const origin = typeof entry.pageOrigin === 'string' ? entry.pageOrigin : pageOrigin;
  if (origin === undefined)
    throw new SessionInputError(
      `endpoint ${JSON.stringify(key)} has no pageOrigin: record the session with a client of this version, or give --origin`,
    );
  const kinds = isRecord(entry.kinds) ? entry.kinds : {};
  const count = (kind: string): number => Number(kinds[kind]) || 0;
  // A call the browser refused never reached the server; same-origin and no-cors calls need no CORS answer.
  const needing = (typeof entry.calls === 'number' ? entry.calls : 0) - count('rejected') - count('same-origin') - count('no-cors');
  if (needing <= 0) return null;
  return {
    method: key.slice(0, space),
    url: key.slice(space + 1),
    pageOrigin: origin,
    requestHeaders: names(entry.requestHeaders, `requestHeaders of ${key}`),
    credentials: entry.credentials === true,
    // What the app read (recorded with `sessionStats({ responseHeaders: true })`), and any names added by hand.
    exposeHeaders: [...names(entry.responseHeaders, `responseHeaders of ${key}`), ...names(entry.exposeHeaders, `exposeHeaders of ${key}`)],
    preflightSpanMs: typeof entry.preflightSpanMs === 'number' ? entry.preflightSpanMs : 0,
  };
}

function fromCall(entry: unknown, index: number, pageOrigin: string | undefined): SessionCall {
  const what = `call ${index + 1}`;
  if (!isRecord(entry) || typeof entry.url !== 'string') throw new SessionInputError(`${what} needs a "url"`);
  const origin = typeof entry.origin === 'string' ? entry.origin : pageOrigin;
  if (origin === undefined) throw new SessionInputError(`${what} needs an "origin" (the page origin), or give --origin`);
  if (
    entry.credentials !== undefined &&
    typeof entry.credentials !== 'boolean' &&
    entry.credentials !== 'include' &&
    entry.credentials !== 'omit' &&
    entry.credentials !== 'same-origin'
  ) {
    throw new SessionInputError(`${what}: "credentials" must be true, false, "include", "same-origin" or "omit"`);
  }
  return {
    method: typeof entry.method === 'string' ? normalizeMethod(entry.method) : 'GET',
    url: entry.url,
    pageOrigin: origin,
    requestHeaders: names(entry.headers, `${what}: "headers"`),
    credentials: entry.credentials === true || entry.credentials === 'include',
    exposeHeaders: names(entry.expose, `${what}: "expose"`),
    preflightSpanMs: typeof entry.preflightSpanMs === 'number' ? entry.preflightSpanMs : 0,
  };
}

/**
 * The calls of a session file: `api.stats()` as JSON (an object with `endpoints`), or an array of
 * `{ method, url, origin, headers, credentials, expose }`. `pageOrigin` fills in an origin the file lacks.
 */
export function readSession(json: unknown, pageOrigin?: string): SessionCall[] {
  if (Array.isArray(json)) return json.map((entry, index) => fromCall(entry, index, pageOrigin));
  if (isRecord(json) && isRecord(json.endpoints)) {
    return Object.entries(json.endpoints).flatMap(([key, entry]) => fromEndpoint(key, entry, pageOrigin) ?? []);
  }
  throw new SessionInputError('a session is the JSON of api.stats() (an object with "endpoints") or a list of calls');
}
