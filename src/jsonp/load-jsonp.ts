import { JsonpError, type JsonpErrorCode } from './errors.js';
import type { JsonpOptions } from './types.js';
import { aborted, badOption, callbackBusy, noCallback, schemaFailed, scriptError, timedOut } from './words.js';

let counter = 0;
// Script loads whose fetch has not ended, per origin: a timed-out script keeps its connection (browsers cannot cancel it).
const open: Record<string, number> = {};

// One message shape for every bad option keeps the entry small: which option, and what it must be (./words.ts).
const check = (ok: unknown, option: string, must: string, type = TypeError): void => {
  if (!ok) throw new type(badOption(option, must));
};

/**
 * Loads `url` as JSONP: a GET through a script element whose response calls a global callback. Every way out —
 * data, script error, no callback, timeout, abort — removes the element, the timer and the listeners; a late
 * response finds a no-op (the load has settled), and the global is deleted once the element's load or error says
 * the script is done. `url` must be http(s) (a relative one resolves against the document's base URL); its query is
 * sent byte for byte, with the callback parameter appended.
 * @example
 * const user = await loadJsonp('https://legacy.example/user', { schema: User, timeout: 5000 });
 * @param url The script's URL, http(s); the callback parameter is appended to its query.
 * @param options The callback's name and parameter, the timeout, an abort signal, a schema, and the script's attributes.
 */
export function loadJsonp<T = unknown>(url: string | URL, options: JsonpOptions<T> = {}): Promise<T> {
  const { callbackParam = 'callback', timeout = 10_000, signal, schema, document: doc = globalThis.document } = options;
  // A name no other load uses: a counter for uniqueness, a random number against another copy of the loader.
  const name = options.callbackName ?? `__cwJsonp${++counter}_${(Math.random() * 1e9) | 0}`;
  for (const key of ['method', 'body', 'headers']) check(!(key in options), key, 'absent: JSONP is a plain GET');
  // Names reach a script as code (`name({...})`) and a URL as a parameter: only identifier characters pass, so
  // nothing can be injected. (A reserved word passes the check and never reaches the callback: no_callback.)
  check(typeof callbackParam === 'string' && /^[\w.~-]{1,64}$/.test(callbackParam), 'callbackParam', 'URL-safe');
  check(typeof name === 'string' && /^(?!\d)[\w$]{1,64}$/.test(name), 'callbackName', 'an identifier');
  // setTimeout runs a longer delay than 2^31 - 1 ms at once (a 30-day timeout would fail after 1 ms).
  check(
    typeof timeout === 'number' && timeout >= 0 && timeout <= 2147483647,
    'timeout',
    'milliseconds from 0 (none) to 2147483647',
    RangeError,
  );
  // Checked before anything is claimed: inside the promise, a bad signal would throw after the global is installed.
  check(!signal || typeof signal.addEventListener === 'function', 'signal', 'an AbortSignal');
  check(!schema || typeof schema['~standard']?.validate === 'function', 'schema', 'a Standard Schema');
  check(typeof doc?.createElement === 'function', 'document', 'given outside a browser');
  // An unparsable URL throws the URL constructor's own TypeError.
  const src = new URL(url, doc.baseURI);
  // JSONP is for legacy http(s) endpoints: a data:, blob: or javascript: URL would run code that no server sent.
  check(/^https?:$/.test(src.protocol), 'url', 'an http(s) URL');

  // The query goes byte for byte as given, so a signed URL stays valid: only a callback parameter already there is dropped.
  // (The search setter re-encodes nothing the URL parser has already encoded, and keeps the fragment after the query.)
  const query = src.search.slice(1);
  const parts = query ? query.split('&').filter((part) => !new URLSearchParams(part).has(callbackParam)) : [];
  src.search = [...parts, `${callbackParam}=${name}`].join('&');
  const { href, origin } = src;
  const win = (doc.defaultView ?? globalThis) as unknown as Record<string, unknown>;

  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Every way out, and the first wins: the element, the timer and the abort listener go. The global stays until
    // the script can no longer run, as a no-op once settled (a late or second call never throws a ReferenceError).
    const finish = (code?: JsonpErrorCode, message?: string, value?: unknown): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      script.remove();
      // biome-ignore lint/style/noNonNullAssertion: every call with a code passes its message
      if (code) reject(new JsonpError(code, message!, href, name, { cause: value }));
      else resolve(value);
    };
    // biome-ignore lint/style/noNonNullAssertion: onAbort runs only when there is a signal (checked, or as its listener)
    const onAbort = (): void => finish('aborted', aborted(), signal!.reason);
    if (signal?.aborted) return onAbort();
    // One load at a time holds a name, and a page's own global (or `undefined`, `eval`, `constructor`) is never clobbered.
    if (name in win) return finish('callback_busy', callbackBusy());
    win[name] = (data: unknown) => finish(undefined, undefined, data);
    signal?.addEventListener('abort', onAbort);
    // Removing the element does not end its fetch: the timed-out load keeps a connection (6 per host over HTTP/1.1).
    const onTimeout = (): void => finish('timeout', timedOut(timeout, open[origin]));
    if (timeout > 0) timer = setTimeout(onTimeout, timeout);
    // The element's load or error ends the script's life, also after a timeout or an abort (the fetch may still
    // complete and run the script, which then finds a settled load): only then does the global go.
    script.onload = script.onerror = (event) => {
      script.onload = script.onerror = null;
      delete win[name];
      // biome-ignore lint/style/noNonNullAssertion: the count was raised for this origin when the element was created
      if (!--open[origin]!) delete open[origin];
      if ((event as Event).type === 'load') finish('no_callback', noCallback(callbackParam));
      else finish('script_error', scriptError());
    };
    for (const key of ['nonce', 'referrerPolicy', 'crossOrigin'] as const) if (options[key]) script[key] = options[key];
    script.async = true;
    script.src = href;
    open[origin] = (open[origin] ?? 0) + 1;
    (doc.head ?? doc.documentElement).append(script);
  }).then(async (data) => {
    if (!schema) return data as T;
    const result = await schema['~standard'].validate(data);
    if (result.issues) throw new JsonpError('schema', schemaFailed(result.issues[0]?.message), href, name, { data, issues: result.issues });
    return result.value;
  });
}
