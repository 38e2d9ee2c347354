import { isCallbackName, isCallbackParam, uniqueCallbackName } from './callback-name.js';
import { JsonpError, type JsonpErrorCode } from './errors.js';
import { claim, neuter, release } from './registry.js';
import type { JsonpOptions } from './types.js';

// One message shape for every bad option keeps the entry small: which option, and what it must be.
function check(ok: boolean, option: string, must: string): void {
  if (!ok) throw new TypeError(`crosswise/jsonp: \`${option}\` must be ${must}`);
}

/**
 * Loads `url` as JSONP: a GET through a script element whose response calls a global callback. Every way out —
 * data, script error, no callback, timeout, abort — removes the element, the timer and the listeners; a late
 * response finds a no-op, and the global is deleted once the element's load or error says the script is done.
 * @example
 * const user = await loadJsonp('https://legacy.example/user', { schema: User, timeout: 5000 });
 */
export function loadJsonp<T = unknown>(url: string | URL, options: JsonpOptions<T> = {}): Promise<T> {
  const { callbackParam = 'callback', callbackName, timeout = 10_000, signal, schema, nonce, referrerPolicy, crossOrigin } = options;
  const doc = options.document ?? globalThis.document;
  for (const key of ['method', 'body', 'headers']) check(!(key in options), key, 'absent: JSONP is a plain GET');
  check(isCallbackParam(callbackParam), 'callbackParam', 'URL-safe');
  check(callbackName === undefined || isCallbackName(callbackName), 'callbackName', 'an identifier');
  check(timeout >= 0 && timeout < Infinity, 'timeout', 'milliseconds >= 0');
  check(schema === undefined || typeof schema['~standard']?.validate === 'function', 'schema', 'a Standard Schema');
  check(typeof doc?.createElement === 'function', 'document', 'given outside a browser');

  const name = callbackName ?? uniqueCallbackName();
  const src = new URL(url, doc.baseURI);
  src.searchParams.set(callbackParam, name);
  const href = src.href;
  const win: object = doc.defaultView ?? globalThis;

  return new Promise<T>((resolve, reject) => {
    const fail = (code: JsonpErrorCode, message: string, cause?: unknown): JsonpError => new JsonpError(code, message, href, name, { cause });
    if (signal?.aborted === true) return reject(fail('aborted', 'aborted', signal.reason));
    const script = doc.createElement('script');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let called = false;
    let settled = false;

    const finish = (error?: JsonpError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      script.remove();
      if (error !== undefined) reject(error);
    };
    // The element's load or error ends the script's life, also after a timeout or an abort (the fetch may still
    // complete and run the script, which then finds a no-op): only then does the global go.
    const onScriptEvent = (event: Event): void => {
      script.removeEventListener('load', onScriptEvent);
      script.removeEventListener('error', onScriptEvent);
      release(win, name);
      if (event.type === 'error') finish(fail('script_error', 'script error (HTTP status, network, CSP or MIME type)'));
      else if (!called) finish(fail('no_callback', `${name}() was never called: not JSONP, or not ?${callbackParam}=`));
    };
    const abandon = (error: JsonpError): void => {
      neuter(win, name);
      finish(error);
    };
    const onAbort = (): void => abandon(fail('aborted', 'aborted', signal?.reason));
    const onData = (data: unknown): void => {
      if (called || settled) return; // the first call wins
      called = true;
      neuter(win, name);
      finish();
      if (schema === undefined) return resolve(data as T);
      Promise.resolve(schema['~standard'].validate(data)).then((result) => {
        if (result.issues === undefined) resolve(result.value);
        else reject(new JsonpError('schema', `schema: ${result.issues[0]?.message}`, href, name, { data, issues: result.issues }));
      }, reject);
    };

    if (!claim(win, name, onData)) return reject(fail('callback_busy', `${name} is in use`));
    script.addEventListener('load', onScriptEvent);
    script.addEventListener('error', onScriptEvent);
    signal?.addEventListener('abort', onAbort);
    if (timeout > 0) timer = setTimeout(() => abandon(fail('timeout', `no response in ${timeout} ms`)), timeout);
    for (const [key, value] of Object.entries({ nonce, referrerPolicy, crossOrigin, async: true, src: href })) {
      if (value !== undefined) (script as unknown as Record<string, unknown>)[key] = value;
    }
    (doc.head ?? doc.documentElement).append(script);
  });
}
