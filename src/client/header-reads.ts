import { FORBIDDEN_RESPONSE_HEADERS, SAFELISTED_RESPONSE_HEADERS } from '../cors/expose-headers.js';

// Which response headers the app reads by name, seen on the response's own Headers object. Two plugins' opt-ins watch
// them, and only they import this module: the diagnosis plugin's `hiddenHeaders` (a read that came back empty is a
// header the server did not expose; ./hidden-headers.ts) and `sessionStats({ responseHeaders })` (every read is a
// header the server must expose: `crosswise server-config` lists them; ./stats-plugin.ts). Without them a response
// is left exactly as fetch made it, and an app ships none of this.

/** One read: the lower-case name, and whether the page got the header (a hidden one reads as absent). */
export type HeaderReadListener = (name: string, present: boolean) => void;

/**
 * Makes `headers.get` and `headers.has` report each name the app reads, after the platform answered: an invalid name
 * throws there as before and is not reported. Safelisted names are always readable, and Set-Cookie never is, whatever
 * the server exposes: neither is reported. Names only, never values. A frozen Headers is left as it is (not watched).
 */
export function watchHeaderReads(headers: Headers, listener: HeaderReadListener): void {
  const get = headers.get.bind(headers);
  const has = headers.has.bind(headers);
  const report = (name: string, present: boolean): void => {
    const lower = String(name).toLowerCase();
    if (!SAFELISTED_RESPONSE_HEADERS.has(lower) && !FORBIDDEN_RESPONSE_HEADERS.has(lower)) listener(lower, present);
  };
  // Reflect.set, not `=`: a Headers its maker froze (a caching or test fetch may) cannot take the wrappers, and an
  // assignment would throw into the app's call. That response's reads then go unseen; the call goes on.
  Reflect.set(headers, 'get', (name: string): string | null => {
    const value = get(name);
    report(name, value !== null);
    return value;
  });
  Reflect.set(headers, 'has', (name: string): boolean => {
    const present = has(name);
    report(name, present);
    return present;
  });
}
