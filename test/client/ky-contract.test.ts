import ky, {
  KyError,
  NetworkError,
  SchemaValidationError,
  type BeforeErrorState,
  type BeforeRequestState,
  type Options as KyOptions,
} from 'ky';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import {
  isKyNetworkError,
  isSchemaValidationError,
  kyTargetUrl,
  onCallNetworkFailure,
  stopAtFetch,
  wrapsBodyInStream,
  type KyFetch,
} from '../../src/client/ky-contract.js';
import { createRecordingServer, headerValue, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';

// Pins each behaviour of ky 2 that src/client/ky-contract.ts assumes, against the installed ky and a real server on
// 127.0.0.1: a ky upgrade that changes one fails here, under the assumption's name.

let server: RecordingServer;
let closedOrigin: string;

beforeAll(async () => {
  server = await createRecordingServer();
  let attempts = 0;
  server.route('/flaky', () =>
    attempts++ % 2 === 0 ? { status: 500 } : { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' },
  );
  server.route('/missing', () => ({ status: 404 }));
  server.route('/json', () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' }));
  // A port nothing listens on: fetch fails at the network level, as it does on a CORS refusal in a browser.
  const closed = await createRecordingServer();
  closedOrigin = closed.origin;
  await closed.close();
});
afterAll(async () => {
  await server.close();
});

type Call = { request: Request; init: Record<string, unknown> };

/** The platform's fetch, recording what ky hands it. */
function recordingFetch(calls: Call[]): KyFetch {
  return async (input, init) => {
    const request = input as Request;
    calls.push({ request: request.clone(), init: { ...(init as Record<string, unknown>) } });
    return globalThis.fetch(request, init as RequestInit);
  };
}

function lastRecord(path: string): RecordedRequest {
  const record = server.recordsUnder(path).at(-1);
  if (record === undefined) throw new Error(`no request to ${path} arrived`);
  return record;
}

describe('ky calls its `fetch` option with the final Request and an init, on every attempt', () => {
  it('after beforeRequest hooks, with the Content-Type of `json:` and the Accept of `.json()`, retries included', async () => {
    const calls: Call[] = [];
    const body = await ky
      .put(`${server.origin}/flaky`, {
        json: { a: 1 },
        fetch: recordingFetch(calls),
        retry: { limit: 1, delay: () => 0 },
        hooks: { beforeRequest: [({ request }) => void request.headers.set('x-from-hook', '1')] },
      })
      .json();
    expect(body).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
    for (const { request, init } of calls) {
      expect(request).toBeInstanceOf(Request);
      expect(request.method).toBe('PUT');
      expect(Object.fromEntries(request.headers)).toMatchObject({
        'x-from-hook': '1',
        accept: 'application/json',
        'content-type': 'application/json',
      });
      expect(await request.text()).toBe('{"a":1}');
      expect(typeof init).toBe('object');
    }
    // What fetch got is what went on the wire, both times.
    const sent = server.recordsUnder('/flaky').slice(-2);
    expect(sent.map((record) => [headerValue(record, 'x-from-hook'), headerValue(record, 'accept')])).toEqual([
      ['1', 'application/json'],
      ['1', 'application/json'],
    ]);
  });
});

describe('ky forwards every option key it does not know to `init`', () => {
  it("crosswise's per-call options and marks arrive untouched; ky's and RequestInit's do not", async () => {
    const calls: Call[] = [];
    const crosswiseFetch = async (): Promise<Response> => new Response('{}');
    const options = {
      fetch: recordingFetch(calls),
      cors: 'strict',
      allowPreflight: ['content-type'],
      transport: 'fetch',
      fallback: 'jsonp',
      crosswiseFetch,
      crosswiseUploadStream: true,
      headers: { 'x-a': '1' },
      credentials: 'omit',
      retry: 0,
      timeout: 5000,
      hooks: {},
    } as KyOptions;
    await ky.get(`${server.origin}/json`, options).json();
    expect(calls).toHaveLength(1);
    const init = calls[0]?.init ?? {};
    expect(Object.keys(init).sort()).toEqual([
      'allowPreflight',
      'cors',
      'crosswiseFetch',
      'crosswiseUploadStream',
      'fallback',
      'transport',
    ]);
    expect(init['crosswiseFetch']).toBe(crosswiseFetch);
    expect(init['allowPreflight']).toEqual(['content-type']);
  });

  it("a per-call `fetch: undefined` replaces the instance's fetch (so the client drops the key)", async () => {
    const calls: Call[] = [];
    const before = server.recordsUnder('/json').length;
    const instance = ky.create({ fetch: recordingFetch(calls), retry: 0 });
    await instance.get(`${server.origin}/json`, { fetch: undefined } as unknown as KyOptions).json();
    expect(calls).toHaveLength(0); // sent with the global fetch instead
    expect(server.recordsUnder('/json').length).toBe(before + 1);
  });
});

describe('kyTargetUrl resolves `prefix` and `baseUrl` as ky does', () => {
  const inputs = ['items', '/items', 'items/?q=1', '../items', '//other.example/x', 'https://other.example/x'];
  const baseUrls = [
    undefined,
    '',
    'https://api.example/',
    'https://api.example/v1',
    'https://api.example/v1/',
    'https://api.example/v1/?key=1',
  ];
  const prefixes = [undefined, '', 'v2', '/v2', 'v2/', 'https://api.example/p/'];

  /** The URL ky hands fetch, or undefined when ky refuses to build the Request. */
  async function kySends(input: string | URL, baseUrl: string | undefined, prefix: string | undefined): Promise<string | undefined> {
    try {
      const captured = await stopAtFetch(
        (overrides) =>
          ky(input, { ...overrides, ...(baseUrl === undefined ? {} : { baseUrl }), ...(prefix === undefined ? {} : { prefix }) }),
        (request) => request.url,
      );
      return captured?.value;
    } catch {
      return undefined;
    }
  }

  it('for every combination of input, baseUrl and prefix', async () => {
    const mismatches: string[] = [];
    for (const input of inputs) {
      for (const baseUrl of baseUrls) {
        for (const prefix of prefixes) {
          const expected = await kySends(input, baseUrl, prefix);
          const actual = kyTargetUrl(input, baseUrl, prefix);
          if (actual !== expected) mismatches.push(`${JSON.stringify({ input, baseUrl, prefix })}: ky ${expected}, kyTargetUrl ${actual}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a URL or Request input is taken as it is', async () => {
    const url = new URL('https://other.example/x?y=1');
    expect(await kySends(url, 'https://api.example/v1/', 'v2')).toBe(url.href);
    expect(kyTargetUrl(url, 'https://api.example/v1/', 'v2')).toBe(url.href);
    expect(kyTargetUrl(new Request('https://other.example/r'), 'https://api.example/', 'v2')).toBe('https://other.example/r');
  });
});

describe('a non-Error thrown by `fetch` reaches the caller unchanged (explain stops ky with one)', () => {
  it('no retry, no NetworkError wrapping, no beforeError hook', async () => {
    const sentinel = { stop: true };
    let attempts = 0;
    const errorHooks: unknown[] = [];
    const error: unknown = await ky
      .get(`${server.origin}/json`, {
        retry: { limit: 2, delay: () => 0 },
        fetch: async () => {
          attempts++;
          throw sentinel;
        },
        hooks: { beforeError: [({ error: seen }) => (errorHooks.push(seen), seen)] },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBe(sentinel);
    expect(errorHooks).toEqual([]);
    // Even with retries on, ky retries only the errors it knows (stopAtFetch sets `retry: 0` all the same).
    expect(attempts).toBe(1);
  });

  it('stopAtFetch returns what it captured from the final Request, and sends nothing', async () => {
    const before = server.records.length;
    const captured = await stopAtFetch(
      (overrides) =>
        ky.post(`${server.origin}/json`, {
          ...overrides,
          json: { a: 1 },
          hooks: { beforeRequest: [({ request }) => void request.headers.set('x-late', '1')] },
        }),
      (request) => [request.method, request.headers.get('content-type'), request.headers.get('x-late')],
    );
    expect(captured).toEqual({ value: ['POST', 'application/json', '1'] });
    expect(server.records.length).toBe(before);
  });

  it('stopAtFetch says so when a beforeRequest hook answers and no request reaches fetch', async () => {
    const captured = await stopAtFetch(
      (overrides) => ky.get(`${server.origin}/json`, { ...overrides, hooks: { beforeRequest: [() => new Response('{}')] } }),
      () => 'reached',
    );
    expect(captured).toBeUndefined();
  });

  it('stopAtFetch rethrows any other error (ky refusing the call)', async () => {
    await expect(
      stopAtFetch(
        (overrides) => ky.get('https://api.example/x', { ...overrides, prefixUrl: 'https://api.example/' } as KyOptions),
        () => 'reached',
      ),
    ).rejects.toThrow(/prefixUrl/);
  });
});

describe('onUploadProgress makes ky send the body as a stream', () => {
  it('chunked on the wire, while the Request ky hands fetch looks the same (hence the mark)', async () => {
    const calls: Call[] = [];
    const progress: number[] = [];
    const onUploadProgress = (event: { percent: number }) => void progress.push(event.percent);
    expect(wrapsBodyInStream({ onUploadProgress })).toBe(true);
    expect(wrapsBodyInStream({})).toBe(false);
    await ky.post(`${server.origin}/upload-stream`, { body: 'hello', onUploadProgress, fetch: recordingFetch(calls), retry: 0 });
    const streamed = lastRecord('/upload-stream');
    await ky.post(`${server.origin}/upload-plain`, { body: 'hello', fetch: recordingFetch(calls), retry: 0 });
    const plain = lastRecord('/upload-plain');
    expect([headerValue(streamed, 'transfer-encoding'), headerValue(streamed, 'content-length'), streamed.body.toString()]).toEqual([
      'chunked',
      null,
      'hello',
    ]);
    expect([headerValue(plain, 'transfer-encoding'), headerValue(plain, 'content-length')]).toEqual([null, '5']);
    expect(progress.at(-1)).toBe(1);
    // Both Requests read as a stream body with the same headers, and init carries nothing: the wrap is invisible.
    const [withProgress, without] = calls;
    expect(withProgress?.request.body).toBeInstanceOf(ReadableStream);
    expect(without?.request.body).toBeInstanceOf(ReadableStream);
    expect([...(withProgress?.request.headers ?? [])]).toEqual([...(without?.request.headers ?? [])]);
    expect([withProgress?.init, without?.init]).toEqual([{}, {}]);
  });
});

describe('onUploadProgress leaves a call without a body as it is', () => {
  it('ky sends no stream for a GET or a bodiless POST, so the prediction has no stream body either', async () => {
    const progress: number[] = [];
    await ky.get(`${server.origin}/upload-none`, { onUploadProgress: (event) => void progress.push(event.percent), retry: 0 });
    await ky.post(`${server.origin}/upload-none`, { onUploadProgress: (event) => void progress.push(event.percent), retry: 0 });
    expect(server.recordsUnder('/upload-none').map((record) => [record.method, headerValue(record, 'transfer-encoding')])).toEqual([
      ['GET', null],
      ['POST', null],
    ]);
    const client = createClient({ origin: 'https://app.example', onWarning: () => undefined });
    const onUploadProgress = () => undefined;
    const get = await client.explain('https://api.example/x', { onUploadProgress });
    const bodiless = await client.explain('https://api.example/x', { method: 'POST', onUploadProgress });
    const withBody = await client.explain('https://api.example/x', { method: 'POST', body: 'a', onUploadProgress });
    expect([get.kind, bodiless.kind, withBody.kind]).toEqual(['simple', 'simple', 'preflight']);
    expect(withBody.reasons.map((reason) => reason.code)).toContain('stream_body');
  });
});

describe('hooks take one state object', () => {
  it('beforeRequest gets { request, options, retryCount }', async () => {
    const states: BeforeRequestState[] = [];
    await ky.get(`${server.origin}/json`, { retry: 0, hooks: { beforeRequest: [(state) => void states.push(state)] } }).json();
    expect(Object.keys(states[0] ?? {}).sort()).toEqual(['options', 'request', 'retryCount']);
    expect(states[0]?.request).toBeInstanceOf(Request);
    expect(states[0]?.retryCount).toBe(0);
  });

  it('beforeError gets { request, options, error, retryCount }, a failed fetch as NetworkError, onUploadProgress in options', async () => {
    const states: BeforeErrorState[] = [];
    const onUploadProgress = () => undefined;
    const error: unknown = await ky
      .post(`${closedOrigin}/x`, {
        body: 'x',
        onUploadProgress,
        retry: 0,
        hooks: { beforeError: [(state) => (states.push(state), state.error)] },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    const state = states[0];
    expect(Object.keys(state ?? {}).sort()).toEqual(['error', 'options', 'request', 'retryCount']);
    expect(state?.error).toBeInstanceOf(NetworkError);
    expect(isKyNetworkError(state?.error)).toBe(true);
    expect((state?.error as NetworkError | undefined)?.cause).toBeInstanceOf(TypeError);
    expect(state?.request.url).toBe(`${closedOrigin}/x`);
    expect(state?.options.onUploadProgress).toBe(onUploadProgress);
  });
});

describe('onCallNetworkFailure: a failed call handled after ky is done with it', () => {
  it('gets the network failure after the retries and every beforeError hook, by the promise and by each body reader', async () => {
    const seen: string[] = [];
    const replaced = new Error('diagnosed');
    const handle = (error: NetworkError, request: Request): Error => (seen.push(`${error.name} ${request.url}`), replaced);
    const hooked: string[] = [];
    const send = () =>
      onCallNetworkFailure(
        ky.get(`${closedOrigin}/y`, {
          retry: { limit: 1, delay: () => 0 },
          hooks: { beforeError: [({ error, retryCount }) => (hooked.push(`${error.name} after ${retryCount}`), error)] },
        }),
        handle,
      );
    expect(await send().catch((caught: unknown) => caught)).toBe(replaced);
    expect(
      await send()
        .json()
        .catch((caught: unknown) => caught),
    ).toBe(replaced);
    expect(
      await send()
        .text()
        .catch((caught: unknown) => caught),
    ).toBe(replaced);
    expect(seen).toEqual(Array.from({ length: 3 }, () => `NetworkError ${closedOrigin}/y`));
    expect(hooked).toEqual(Array.from({ length: 3 }, () => 'NetworkError after 1'));
  });

  it('passes any other error through, and a success untouched', async () => {
    const handle = (): Error => new Error('not a network failure: never called');
    const other: unknown = await onCallNetworkFailure(ky.get(`${server.origin}/missing`, { retry: 0 }), handle).catch(
      (caught: unknown) => caught,
    );
    expect(other).toMatchObject({ name: 'HTTPError' });
    expect(await onCallNetworkFailure(ky.get(`${server.origin}/json`, { retry: 0 }), handle).json()).toEqual({ ok: true });
  });

  it("keeps every body reader of ky's promise (bytes where Response#bytes exists)", () => {
    const call = ky.get(`${server.origin}/json`, { retry: 0 });
    const readers = (promise: object) =>
      Object.keys(promise)
        .filter((key) => typeof (promise as Record<string, unknown>)[key] === 'function')
        .sort();
    expect(readers(onCallNetworkFailure(call, (error) => error))).toEqual(readers(call));
    expect(readers(call)).toContain('json');
  });

  it('a failure read through .json() alone is not an unhandled rejection of the call’s promise', async () => {
    const unhandled: unknown[] = [];
    const listen = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', listen);
    try {
      const failed = await onCallNetworkFailure(ky.get(`${closedOrigin}/z`, { retry: 0 }), (error) => error)
        .json()
        .catch((caught: unknown) => caught);
      expect(failed).toBeInstanceOf(NetworkError);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listen);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('.json(schema) validates with the Standard Schema and throws SchemaValidationError with the issues only', () => {
  const seen: unknown[] = [];
  const schema = {
    '~standard': {
      version: 1 as const,
      vendor: 'test',
      validate: (value: unknown) => (
        seen.push(value),
        value !== null && typeof value === 'object' && 'id' in value ? { value } : { issues: [{ message: 'needs id', path: ['id'] }] }
      ),
    },
  };

  it('the schema gets the parsed body; the error carries `issues` and nothing of the call, and skips beforeError', async () => {
    const errorHooks: unknown[] = [];
    seen.length = 0;
    const error: unknown = await ky
      .get(`${server.origin}/json`, { retry: 0, hooks: { beforeError: [({ error: hooked }) => (errorHooks.push(hooked), hooked)] } })
      .json(schema)
      .catch((caught: unknown) => caught);
    expect(seen).toEqual([{ ok: true }]);
    expect(error).toBeInstanceOf(SchemaValidationError);
    // The contract tells it by name (it imports no ky at run time): ky's class must keep that name.
    expect(isSchemaValidationError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(KyError);
    // If ky ever keeps the data, the response or the request, endpoints can stop recording the body themselves.
    expect(Object.keys(error as object).sort()).toEqual(['issues', 'name']);
    expect(error).toMatchObject({ message: 'Response schema validation failed', issues: [{ message: 'needs id', path: ['id'] }] });
    expect(errorHooks).toEqual([]);
  });

  it('an empty body reaches the schema as undefined', async () => {
    seen.length = 0;
    server.route('/empty', () => ({ status: 204 }));
    await expect(ky.delete(`${server.origin}/empty`, { retry: 0 }).json(schema)).rejects.toBeInstanceOf(SchemaValidationError);
    expect(seen).toEqual([undefined]);
  });
});
