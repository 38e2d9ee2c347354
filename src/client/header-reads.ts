import { FORBIDDEN_RESPONSE_HEADERS, SAFELISTED_RESPONSE_HEADERS } from '../cors/expose-headers.js';
import type { CorsPrediction } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';

// Which response headers the app reads by name, seen on the response's own Headers object. Two opt-ins watch them:
// the diagnosis plugin's `hiddenHeaders` (a read that came back empty is a header the server did not expose) and
// `stats.responseHeaders` (every read is a header the server must expose: `crosswise server-config` lists them).
// Off, a response is left exactly as fetch made it.

/** One read: the lower-case name, and whether the page got the header (a hidden one reads as absent). */
export type HeaderReadListener = (name: string, present: boolean) => void;

/**
 * Makes `headers.get` and `headers.has` report each name the app reads, after the platform answered: an invalid name
 * throws there as before and is not reported. Safelisted names are always readable, and Set-Cookie never is, whatever
 * the server exposes: neither is reported. Names only, never values.
 */
export function watchHeaderReads(headers: Headers, listener: HeaderReadListener): void {
  const get = headers.get.bind(headers);
  const has = headers.has.bind(headers);
  const report = (name: string, present: boolean): void => {
    const lower = String(name).toLowerCase();
    if (!SAFELISTED_RESPONSE_HEADERS.has(lower) && !FORBIDDEN_RESPONSE_HEADERS.has(lower)) listener(lower, present);
  };
  headers.get = (name: string): string | null => {
    const value = get(name);
    report(name, value !== null);
    return value;
  };
  headers.has = (name: string): boolean => {
    const present = has(name);
    report(name, present);
    return present;
  };
}

/** Told that the app read `name` from a CORS response of `origin` and got nothing (the header is not exposed). */
export type HiddenHeaderListener = (origin: string, name: string, prediction: CorsPrediction) => void;

export interface HeaderReadOptions {
  /** `diagnosis({ hiddenHeaders: true })`: the diagnosis plugin's warning when a read comes back empty from a CORS response. */
  hidden: HiddenHeaderListener | undefined;
  /** `stats.responseHeaders`: where each read of a cross-origin call's response is recorded. */
  record: ((prediction: CorsPrediction, name: string) => void) | undefined;
}

/** What watches each response's header reads, or undefined when neither opt-in is on (the default: nothing is wrapped). */
export function headerReadWatch(options: HeaderReadOptions): ((response: Response, prediction: CorsPrediction) => void) | undefined {
  const { hidden, record } = options;
  if (hidden === undefined && record === undefined) return undefined;
  return (response, prediction) => {
    if (prediction.url === null) return;
    // Only a browser's CORS response hides headers; only a call that needs the server's CORS answer needs it to expose them.
    const hiding = hidden !== undefined && response.type === 'cors';
    const recording = record !== undefined && (prediction.kind === 'simple' || prediction.kind === 'preflight');
    if (!hiding && !recording) return;
    const origin = originOfHref(prediction.url);
    watchHeaderReads(response.headers, (name, present) => {
      if (recording) record(prediction, name);
      if (hiding && !present) hidden(origin, name, prediction);
    });
  };
}
