import { JsonpError, type JsonpErrorCode } from './errors.js';
import type { JsonpOptions } from './types.js';
import { aborted, callbackBusy, noCallback, scriptError, timedOut } from './words.js';

// Loads per origin whose request has not ended. Removing an element does not end its request: a timed-out load
// keeps its connection (6 per host over HTTP/1.1) until the server answers, and its timeout message says how many are
// open. A plain object rather than a Map: the production build, whose messages carry no count, then drops it whole.
const open: Record<string, number> = {};

/**
 * Runs `src` as a script whose response calls the global `callbackName`: resolves with the data it passes, or
 * rejects with a JsonpError. Every way out removes the element, the timer and the abort listener; the global goes
 * when the element's `load` or `error` says the script can no longer run.
 */
export function loadScript(
  document: Document,
  src: URL,
  callbackName: string,
  callbackParam: string,
  timeout: number,
  signal: AbortSignal | undefined,
  attributes: Pick<JsonpOptions, 'nonce' | 'referrerPolicy' | 'crossOrigin'>,
): Promise<unknown> {
  const { href, origin } = src;
  const globals = document.defaultView as unknown as Record<string, unknown>;

  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    let timer: ReturnType<typeof setTimeout> | undefined;

    // Every way out cleans up, which is harmless twice. The promise keeps the first outcome: a second call of the
    // callback, or a response after a timeout or an abort, changes nothing (and finds the global still there, so no ReferenceError).
    const cleanUp = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      script.remove();
    };
    const fail = (code: JsonpErrorCode, message: string, cause?: unknown): void => {
      cleanUp();
      reject(new JsonpError(code, message, href, callbackName, { cause }));
    };
    const onData = (data: unknown): void => {
      cleanUp();
      resolve(data);
    };
    const onAbort = (): void => fail('aborted', aborted(), signal?.reason);
    // Removing the element does not end its request: the message says how many to this origin still hold a connection.
    const onTimeout = (): void => fail('timeout', timedOut(timeout, open[origin]));
    // The element's load or error ends the script's life, also after a timeout or an abort (the request may still
    // complete and run the script): only then does the global go.
    // (TypeScript types onerror as window.onerror's, which may get a string; an element's gets an Event.)
    const onScriptEnd = (event: Event | string): void => {
      script.onload = script.onerror = null;
      delete globals[callbackName];
      open[origin] = (open[origin] ?? 1) - 1;
      if (open[origin] === 0) delete open[origin];
      // `load` means the script ran without calling back: a plain-JSON endpoint, or one expecting another parameter.
      if ((event as Event).type === 'load') fail('no_callback', noCallback(callbackParam));
      else fail('script_error', scriptError());
    };

    if (signal?.aborted) return onAbort();
    // One load at a time holds a name, and a page's own global (or `undefined`, `eval`, `constructor`) is never clobbered.
    if (callbackName in globals) return fail('callback_busy', callbackBusy());
    globals[callbackName] = onData;
    signal?.addEventListener('abort', onAbort);
    if (timeout > 0) timer = setTimeout(onTimeout, timeout);
    script.onload = script.onerror = onScriptEnd;
    // Only the attributes given: an empty nonce or policy sets nothing.
    for (const name of ['nonce', 'referrerPolicy', 'crossOrigin'] as const) if (attributes[name]) script[name] = attributes[name];
    // Browsers run an inserted script async anyway; a DOM such as happy-dom would otherwise fetch it synchronously.
    script.async = true;
    script.src = href;
    open[origin] = (open[origin] ?? 0) + 1;
    // Into <head>, which is not rendered (loadJsonp refuses a document without one): an element added to <html> cost
    // Chromium a style recalculation per load (~40 µs of main thread on average, in the page's performance metrics).
    document.head.append(script);
  });
}
