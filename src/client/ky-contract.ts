import type { NetworkError, Options as KyOptions, ResponsePromise, SchemaValidationError } from 'ky';

// What crosswise assumes about ky 2 beyond its documented API, in one place. Each assumption below is pinned by
// test/client/ky-contract.test.ts against the installed ky and a real server: a ky upgrade that breaks one fails
// there, under the assumption's name, instead of somewhere in the transport.
//
// Assumptions with no code of their own (the transport is built on them):
// - ky calls its `fetch` option as `fetch(request, init)` on every attempt, retries included, with the final
//   Request: after every beforeRequest hook, with the Accept that `.json()` adds and the Content-Type that `json:`
//   adds. That Request is the one the browser will judge, so the transport predicts it there.
// - ky forwards every option key it does not know to that `init`, untouched: crosswise's per-call options (`cors`,
//   `allowPreflight`, `transport`, `fallback`) and its marks (`crosswiseFetch`, `crosswiseUploadStream`) ride there.
// - A per-call `fetch: undefined` replaces the client's `fetch` (ky merges the key, not the value): the client must
//   drop the key, or the call bypasses the transport.

// Only types come from ky here: crosswise/fetch shares this module and must not load ky. ky's errors are told apart
// by `name`, as ky's own guards do (they also match across realms).
const named = (error: unknown, name: string): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;

/**
 * What `.json(schema)` throws when the Standard Schema rejects the body: it carries the `issues` and nothing else
 * (not the body, the request or the response), and it is not a KyError. Endpoints translate it, adding what it lacks.
 */
export function isSchemaValidationError(error: unknown): error is SchemaValidationError {
  return named(error, 'SchemaValidationError');
}

/** ky's wrapper of a failed fetch (the platform's TypeError is its `cause`). */
export function isKyNetworkError(error: unknown): error is NetworkError {
  return named(error, 'NetworkError');
}

/** ky's `fetch` option as ky calls it. */
export type KyFetch = NonNullable<KyOptions['fetch']>;

/**
 * The URL ky will send to, from the call's input, `prefix` and `baseUrl`, as ky 2 resolves them: a non-empty
 * `prefix` is joined to a string input with exactly one slash, then a relative result resolves against a non-empty
 * `baseUrl` (itself resolved against the document) by standard URL resolution, or against the document. Undefined
 * when there is nothing to resolve against (Node, no `baseUrl`) or the URL is invalid.
 * @example
 * kyTargetUrl('items', 'https://api.example.com/v1/', 'v2'); // 'https://api.example.com/v1/v2/items'
 */
export function kyTargetUrl(input: unknown, baseUrl: unknown, prefix: unknown): string | undefined {
  if (input instanceof URL) return input.href;
  if (typeof Request !== 'undefined' && input instanceof Request) return input.url;
  const text = String(input);
  // ky tests the options for truthiness: an empty `prefix` or `baseUrl` is none.
  const joined = prefix ? `${String(prefix).replace(/\/+$/, '')}/${text.replace(/^\/+/, '')}` : text;
  try {
    const document = globalThis.document?.baseURI;
    return new URL(joined, baseUrl ? new URL(String(baseUrl), document).href : document).href;
  } catch {
    return undefined;
  }
}

/**
 * Whether ky will wrap this call's body, if it has one, in a `ReadableStream` (`duplex: 'half'`) to report upload
 * progress: it does whenever `onUploadProgress` is set and the platform streams request bodies. A browser preflights a stream body, but the Request ky hands `fetch` does not
 * show the wrap (every Request's `body` reads as a stream), so the client marks the call for the transport.
 * ky also skips the wrap where the platform cannot stream a request body (its internal `supportsRequestStreams`):
 * the mark does not follow that check yet.
 */
export function wrapsBodyInStream(options: { readonly onUploadProgress?: unknown } | undefined): boolean {
  return options?.onUploadProgress !== undefined;
}

/** The per-call mark, under a key ky does not know and so forwards to the transport's `init`. */
export interface UploadStreamMark {
  /** Set by the client when ky wraps the body in a stream for upload progress: the Request hides that. */
  crosswiseUploadStream?: boolean;
}

/**
 * The fetch options that stand for the wrapped body when the rules judge a Request that hides it; undefined for a
 * Request without a body, which ky leaves as it is (a GET with `onUploadProgress` sends no stream).
 */
export function uploadStreamInit(request: Request): RequestInit | undefined {
  return request.body === null ? undefined : ({ body: new ReadableStream(), duplex: 'half' } as RequestInit);
}

const ignore = (): void => undefined;

/**
 * The promise a ky call returns, with `handle` applied to the network failure it (or any of its body readers) rejects
 * with, after ky's retries and every beforeError hook; any other error passes through as it is. A beforeError hook
 * would do the same, but ky merges an instance's hooks into every call's options: measured, that was half of the
 * client's own work per call. This wraps the call instead (one promise and its readers), and runs nothing more unless
 * it fails. ky's body readers: `json`, `text`, `formData`, `arrayBuffer`, `blob`, and `bytes` where the platform has
 * `Response#bytes`.
 */
export function onCallNetworkFailure(
  call: ResponsePromise,
  handle: (error: NetworkError, request: Request) => Error | Promise<Error>,
): ResponsePromise {
  // The call's promise and a body reader reject with the same error: it is handled once (a diagnosis may probe).
  let handled: Promise<Error> | undefined;
  const rethrow = async (error: unknown): Promise<never> => {
    // ky's NetworkError carries the Request that failed; a thrown look-alike (`{ name: 'NetworkError' }` from a hook
    // or a custom fetch) has none to diagnose, and is the caller's own value: it passes through as it came.
    if (!isKyNetworkError(error) || !(error.request instanceof Request)) throw error;
    handled ??= (async () => handle(error, error.request))();
    throw await handled;
  };
  const promise = call.then(undefined, rethrow) as ResponsePromise;
  // Written out, not looped over the names: this runs on every call, and the loop measured slower.
  const reader =
    <T>(read: (schema?: never) => Promise<T>) =>
    (schema?: never): Promise<T> => {
      // A caller that reads the body through a reader gets the failure there: the call's own promise is not theirs to handle.
      promise.catch(ignore);
      return read(schema).then(undefined, rethrow);
    };
  promise.json = reader(call.json) as ResponsePromise['json'];
  promise.text = reader(call.text);
  promise.formData = reader(call.formData);
  promise.arrayBuffer = reader(call.arrayBuffer);
  promise.blob = reader(call.blob);
  if (call.bytes !== undefined) promise.bytes = reader(call.bytes);
  return promise;
}

/**
 * Runs ky's whole pipeline up to the network and stops it there, with what `capture` makes of the final Request
 * (undefined when no request reached `fetch`: a beforeRequest hook answered). The stop is a thrown object that is
 * not an Error: ky retries nothing (`retry: 0`), does not wrap it in a NetworkError, and does not hand it to
 * beforeError hooks (they see Errors only), so it reaches this function unchanged. Any other error is rethrown.
 */
export async function stopAtFetch<T>(
  send: (overrides: KyOptions) => Promise<unknown>,
  capture: (request: Request) => T,
): Promise<{ value: T } | undefined> {
  const stop: { value?: T } = {};
  const fetch: KyFetch = async (request) => {
    stop.value = capture(request as Request);
    throw stop;
  };
  try {
    await send({ retry: 0, throwHttpErrors: false, fetch });
  } catch (error) {
    if (error === stop) return { value: stop.value as T };
    throw error;
  }
  return undefined;
}
