import { expectInput } from './checks.js';
import { JsonpError } from './errors.js';
import { loadScript } from './script-load.js';
import type { JsonpOptions } from './types.js';
import {
  A_DELAY,
  A_STANDARD_SCHEMA,
  AN_ABORT_SIGNAL,
  AN_IDENTIFIER,
  GIVEN_OUTSIDE_A_BROWSER,
  PLAIN_GET,
  AN_HTTP_URL,
  schemaFailed,
  URL_SAFE,
} from './words.js';

let loads = 0;

/**
 * Loads `url` as JSONP: a GET through a script element whose response calls a global callback. Every way out —
 * data, script error, no callback, timeout, abort — removes the element, the timer and the listeners; a late
 * response finds a no-op (the load has settled), and the global is deleted once the element's load or error says
 * the script is done. `url` must be http(s) (a relative one resolves against the document's base URL); its query is
 * sent byte for byte, with the callback parameter appended. Bad input throws a `TypeError` (a `RangeError` for
 * `timeout`) naming it, before anything is claimed or sent.
 * @example
 * const user = await loadJsonp('https://legacy.example/user', { schema: User, timeout: 5000 });
 * @param url The script's URL, http(s); the callback parameter is appended to its query.
 * @param options The callback's name and parameter, the timeout, an abort signal, a schema, and the script's attributes.
 */
export function loadJsonp<T = unknown>(url: string | URL, options: JsonpOptions<T> = {}): Promise<T> {
  // Not an async function: bad input throws here, synchronously, before a script element or a global exists.
  for (const option of ['method', 'body', 'headers'] as const) expectInput(!(option in options), option, PLAIN_GET);
  const {
    callbackParam = 'callback',
    // A name no other load uses: a counter for uniqueness, a random part against another copy of the loader on the page.
    callbackName = `__cwJsonp${++loads}_${Math.floor(Math.random() * 1e9)}`,
    timeout = 10_000,
    signal,
    schema,
    document = globalThis.document,
  } = options;
  // The parameter goes into the URL as typed: unreserved characters only, so it cannot end a pair or start another.
  expectInput(typeof callbackParam === 'string' && /^[\w.~-]{1,64}$/.test(callbackParam), 'callbackParam', URL_SAFE);
  // The name reaches the script as code (`name({...})`): identifier characters only, so nothing can be injected. A
  // reserved word passes and never reaches the callback (no_callback; measured in Chromium, see docs/jsonp.md).
  expectInput(typeof callbackName === 'string' && /^(?!\d)[\w$]{1,64}$/.test(callbackName), 'callbackName', AN_IDENTIFIER);
  // 2^31 − 1 ms is the longest delay setTimeout honours: browsers run a longer one at once (30 days would fail after 1 ms).
  expectInput(typeof timeout === 'number' && timeout >= 0 && timeout <= 2_147_483_647, 'timeout', A_DELAY, RangeError);
  // A signal without addEventListener would throw inside the promise, after the callback global is installed.
  expectInput(!signal || typeof signal.addEventListener === 'function', 'signal', AN_ABORT_SIGNAL);
  expectInput(!schema || typeof schema['~standard']?.validate === 'function', 'schema', A_STANDARD_SCHEMA);
  expectInput(document?.defaultView && document.head, 'document', GIVEN_OUTSIDE_A_BROWSER);

  // An unparsable URL throws the URL constructor's own TypeError; a relative one resolves against the document's base.
  const src = new URL(url, document.baseURI);
  // JSONP is for legacy http(s) endpoints: a data:, blob: or javascript: URL would run code that no server sent.
  expectInput(/^https?:$/.test(src.protocol), 'url', AN_HTTP_URL);
  // The query goes byte for byte, so a signed URL stays valid. Only a pair that decodes to the callback parameter,
  // however it is spelled (`callbac%6B=` too), goes; the search setter re-encodes nothing and keeps the fragment after.
  const query = src.search.slice(1);
  const kept = query ? query.split('&').filter((pair) => !new URLSearchParams(pair).has(callbackParam)) : [];
  src.search = [...kept, `${callbackParam}=${callbackName}`].join('&');

  return loadScript(document, src, callbackName, callbackParam, timeout, signal, options).then(async (data) => {
    if (!schema) return data as T;
    // The schema may transform the data; a validator that throws rejects the load with its own error.
    const result = await schema['~standard'].validate(data);
    if (result.issues)
      throw new JsonpError('schema', schemaFailed(result.issues[0]?.message), src.href, callbackName, { data, issues: result.issues });
    return result.value;
  });
}
