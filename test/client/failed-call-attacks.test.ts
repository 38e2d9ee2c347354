import ky, { type ResponsePromise } from 'ky';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCallNetworkFailure } from '../../src/client/ky-contract.js';
import { createClient, diagnosis } from '../../src/index.js';
import { caught } from '../helpers/caught.js';
import { rawServer, type RawServer } from '../helpers/raw-server.js';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';

// The attacker's tests of the failed-call wrapper (`onCallNetworkFailure`, which createClient puts around every
// call): each body reader, in every order of awaiting, gives the diagnosed error once and leaks no rejection; the
// user's hooks and retries still run; aborts, timeouts and odd thrown values are not diagnosed and pass unchanged.
// Against a real closed port (a network failure), a server that never answers and one that trickles its body.

let server: RecordingServer;
let closedOrigin: string;
let slow: RawServer;

beforeAll(async () => {
  server = await createRecordingServer();
  const closed = await createRecordingServer();
  closedOrigin = closed.origin;
  await closed.close();
  // /never: reads the request and never answers. /trickle: answers its headers, then one byte of body every 100 ms.
  slow = await rawServer((socket) => {
    socket.once('data', (chunk) => {
      if (!chunk.toString('latin1').startsWith('GET /trickle')) return;
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n');
      const timer = setInterval(() => socket.write('x'), 100);
      socket.on('close', () => clearInterval(timer));
    });
  });
});

afterAll(async () => {
  await Promise.all([server.close(), slow.close()]);
});

/**
 * Runs `body` with this test's own unhandledRejection listener in place of vitest's (restored after), so that a leak
 * is counted here rather than failing the run, and returns what leaked.
 */
async function leaks(body: () => Promise<void>): Promise<unknown[]> {
  const leaked: unknown[] = [];
  const others = process.listeners('unhandledRejection');
  const listen = (reason: unknown) => void leaked.push(reason);
  for (const other of others) process.off('unhandledRejection', other);
  process.on('unhandledRejection', listen);
  try {
    await body();
    // Unhandled rejections are reported after the microtask queue drains: give them a turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('unhandledRejection', listen);
    for (const other of others) process.on('unhandledRejection', other);
  }
  return leaked;
}

type Reader = (call: ResponsePromise) => Promise<unknown>;
const schema = {
  '~standard': { version: 1, vendor: 'attack', validate: (value: unknown) => ({ value }) },
} as const;
const READERS: Record<string, Reader> = {
  json: (call) => call.json(),
  'json(schema)': (call) => call.json(schema),
  text: (call) => call.text(),
  blob: (call) => call.blob(),
  arrayBuffer: (call) => call.arrayBuffer(),
  formData: (call) => call.formData(),
  bytes: (call) => call.bytes(),
};

/** Each way an app may hold the call: what it awaits, in which order. Every awaited rejection is returned. */
const ORDERS: Record<string, (call: ResponsePromise, read: Reader) => Promise<unknown[]>> = {
  'the call, then a reader': async (call, read) => [await caught(call), await caught(read(call))],
  'a reader only': async (call, read) => [await caught(read(call))],
  'a reader, then the call': async (call, read) => {
    const body = read(call);
    return [await caught(call), await caught(body)];
  },
  'two readers': async (call, read) => {
    const [one, two] = [read(call), call.text()];
    return [await caught(one), await caught(two)];
  },
  'both at once': async (call, read) => Promise.all([caught(read(call)), caught(call)]),
};

describe('a network failure read through every reader, in every order of awaiting', () => {
  for (const [readerName, read] of Object.entries(READERS))
    for (const [orderName, order] of Object.entries(ORDERS))
      it(`${readerName}, ${orderName}: the diagnosed error each time, one diagnosis, no leak`, async () => {
        const diagnosed = new Error('diagnosed');
        let diagnoses = 0;
        let results: unknown[] = [];
        const leaked = await leaks(async () => {
          const call = onCallNetworkFailure(ky.get(`${closedOrigin}/${readerName}`, { retry: 0 }), async () => {
            diagnoses++;
            await new Promise((resolve) => setTimeout(resolve, 5)); // a diagnosis may probe
            return diagnosed;
          });
          results = await order(call, read);
        });
        expect(results.every((result) => result === diagnosed)).toBe(true);
        expect(diagnoses).toBe(1);
        expect(leaked).toEqual([]);
      });

  it('never awaited: as plain ky, one unhandled rejection (the diagnosed error), diagnosed once', async () => {
    const diagnosed = new Error('diagnosed');
    let diagnoses = 0;
    const plain = await leaks(async () => {
      ky.get(`${closedOrigin}/never-awaited`, { retry: 0 });
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const wrapped = await leaks(async () => {
      onCallNetworkFailure(ky.get(`${closedOrigin}/never-awaited`, { retry: 0 }), () => (diagnoses++, diagnosed));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(plain).toHaveLength(1);
    expect(wrapped).toEqual([diagnosed]);
    expect(diagnoses).toBe(1);
  });
});

describe('through createClient', () => {
  const quiet = { onWarning: () => undefined, engine: 'chromium', origin: 'http://127.0.0.1:1' } as const;

  it("the user's beforeError hooks and retries still run, once per call, before the reader sees the failure", async () => {
    const hooked: number[] = [];
    const attempts: string[] = [];
    const client = createClient({
      ...quiet,
      diagnose: diagnosis(),
      retry: { limit: 2, delay: () => 0 },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => (attempts.push(String(input)), fetch(input, init)),
      hooks: { beforeError: [({ error, retryCount }) => (hooked.push(retryCount), error)] },
    });
    let failures: unknown[] = [];
    const leaked = await leaks(async () => {
      const call = client.get(`${closedOrigin}/client-retries`);
      failures = [await caught(call.json()), await caught(call), await caught(call.text())];
    });
    expect(attempts).toHaveLength(3);
    expect(hooked).toEqual([2]);
    expect(failures[0]).toBeInstanceOf(Error);
    expect(failures[1]).toBe(failures[0]);
    expect(failures[2]).toBe(failures[0]);
    expect(leaked).toEqual([]);
  });

  it('an abort is an AbortError, not a diagnosed failure, from the call and from a reader', async () => {
    const client = createClient({ ...quiet, retry: 0, diagnose: diagnosis() });
    const controller = new AbortController();
    const call = client.get(`${slow.origin}/never`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const [fromCall, fromReader] = await Promise.all([caught(call), caught(call.json())]);
    expect((fromCall as Error).name).toBe('AbortError');
    expect(fromReader).toBe(fromCall);
  });

  it('a server that never answers, or trickles its body, ends in a TimeoutError, not a diagnosis', async () => {
    const client = createClient({ ...quiet, retry: 0, timeout: 300, diagnose: diagnosis() });
    const never = await caught(client.get(`${slow.origin}/never`).text());
    expect((never as Error).name).toBe('TimeoutError');
    const trickle = await caught(client.get(`${slow.origin}/trickle`).text());
    expect((trickle as Error).name).toBe('TimeoutError');
  });

  it('odd thrown values (null, a string, a number, a Proxy, a revoked Proxy) reach the caller exactly as plain ky gives them', async () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const odd: Record<string, unknown> = {
      null: null,
      undefined: undefined,
      string: 'a string',
      number: 42,
      proxy: new Proxy({ name: 'NetworkError' }, {}),
      revoked: revocable.proxy,
    };
    // The same value, or (where ky itself trips over the value: a trap that throws) the same kind of error.
    const same = (one: unknown, two: unknown): unknown =>
      one instanceof Error && two instanceof Error && one !== two
        ? `${one.name}: ${one.message}` === `${two.name}: ${two.message}`
        : one === two;
    // Synchronous throws are caught too: ky reads a thrown value's properties.
    // Boxed: resolving a promise with the value itself would read its `then` (a trap that throws would throw there).
    const settle = async (call: () => Promise<unknown>): Promise<unknown> =>
      (
        await Promise.resolve()
          .then(call)
          .then(
            () => ({ value: 'resolved' }),
            (error: unknown) => ({ value: error }),
          )
      ).value;
    for (const [name, value] of Object.entries(odd)) {
      const thrower = () => {
        throw value;
      };
      const hooks = { beforeRequest: [thrower] };
      const url = `${server.origin}/odd`;
      const client = (options: object) => createClient({ ...quiet, retry: 0, diagnose: diagnosis(), ...options });
      const plain = await settle(() => ky.get(url, { retry: 0, hooks }).text());
      const viaHook = await settle(() => client({ hooks }).get(url).text());
      expect(same(viaHook, plain), `${name} from a beforeRequest hook`).toBe(true);
      const fetchOption = { fetch: thrower as typeof fetch };
      const plainFetch = await settle(() => ky.get(url, { retry: 0, ...fetchOption }));
      const viaFetch = await settle(() => client(fetchOption).get(url));
      expect(same(viaFetch, plainFetch), `${name} from fetch`).toBe(true);
      const viaReader = await settle(() => client(fetchOption).get(url).json());
      expect(same(viaReader, plainFetch), `${name} from fetch, through .json()`).toBe(true);
    }
    expect(server.recordsUnder('/odd')).toHaveLength(0);
  });
});
