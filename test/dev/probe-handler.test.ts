import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeHandler } from '../../src/dev/index.js';
import type { ProbeAnswer, ProbeRequest } from '../../src/dev/index.js';
import { callerProblem } from '../../src/dev/same-origin-caller.js';
import { hugeBodyServer } from '../helpers/huge-body-server.js';
import { createRecordingServer, headerValue, type RecordingServer } from '../helpers/recording-server.js';

// The dev probe on a real node:http server, replaying calls against a real loopback API.
let api: RecordingServer;
let devServer: Server;
let dev: string;

beforeAll(async () => {
  api = await createRecordingServer();
  devServer = createServer(createProbeHandler({ timeout: 800 }));
  await new Promise<void>((resolve) => devServer.listen(0, '127.0.0.1', resolve));
  dev = `http://127.0.0.1:${(devServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api.close();
  await new Promise((resolve) => devServer.close(resolve));
});

let n = 0;
const call = (overrides: Partial<ProbeRequest> & { path: string }): ProbeRequest => ({
  url: `${api.origin}${overrides.path}?n=${++n}`,
  method: 'GET',
  unsafeHeaders: [],
  credentials: 'same-origin',
  origin: dev,
  preflight: false,
  engine: 'chromium',
  ...overrides,
});

async function ask(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${dev}/__crosswise/probe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: dev, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('createProbeHandler', () => {
  it('replays the preflight as the engine sends it and confirms what the server got wrong, with what it sent', async () => {
    api.route('/no-put', (request) => ({
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': headerValue(request, 'origin') ?? '',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'x-token',
      },
    }));
    const { status, json } = await ask(call({ path: '/no-put', method: 'PUT', unsafeHeaders: ['x-token'], preflight: true }));
    const answer = json as ProbeAnswer;
    expect(status).toBe(200);
    expect(answer.findings).toMatchObject([
      { stage: 'preflight', code: 'method_not_allowed', received: 'GET, POST', confidence: 'confirmed' },
    ]);
    expect(answer.seen.preflight?.status).toBe(204);
    const options = api.recordsUnder('/no-put');
    expect(options.map((record) => record.method)).toEqual(['OPTIONS']); // never the PUT itself
    expect(headerValue(options[0]!, 'access-control-request-method')).toBe('PUT');
    expect(headerValue(options[0]!, 'access-control-request-headers')).toBe('x-token');
    expect(headerValue(options[0]!, 'origin')).toBe(dev);
    expect(headerValue(options[0]!, 'cookie')).toBeNull();
    expect(headerValue(options[0]!, 'user-agent')).toBe('crosswise-dev-probe');
  });

  it('after a passing preflight, re-sends a GET (Origin only, no header values) and confirms an error response without CORS headers', async () => {
    api.route('/error-500', (request) =>
      request.method === 'OPTIONS'
        ? { status: 204, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'x-token' } }
        : { status: 500, body: 'boom' },
    );
    const { json } = await ask(call({ path: '/error-500', unsafeHeaders: ['x-token'], preflight: true }));
    expect((json as ProbeAnswer).findings).toMatchObject([
      { stage: 'response', code: 'missing_allow_origin', received: null, confidence: 'confirmed' },
    ]);
    expect((json as ProbeAnswer).seen.response?.status).toBe(500);
    const get = api.recordsUnder('/error-500').find((record) => record.method === 'GET');
    expect(get === undefined ? [] : get.headers.map(([name]) => name.toLowerCase()).sort()).toEqual([
      'accept',
      'connection',
      'host',
      'origin',
      'user-agent',
    ]);
  });

  it('never re-sends a PUT: after a passing preflight the response stage is inferred, and said to be (likely)', async () => {
    api.route('/put-ok-preflight', (request) => ({
      status: request.method === 'OPTIONS' ? 204 : 500,
      headers: request.method === 'OPTIONS' ? { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } : {},
    }));
    const { json } = await ask(call({ path: '/put-ok-preflight', method: 'PUT', preflight: true }));
    expect((json as ProbeAnswer).findings).toMatchObject([{ stage: 'response', code: 'missing_allow_origin', confidence: 'likely' }]);
    expect((json as ProbeAnswer).findings[0]?.evidence).toMatch(/not replayed/);
    expect(api.recordsUnder('/put-ok-preflight').map((record) => record.method)).toEqual(['OPTIONS']);
  });

  it('confirms a redirected preflight and a server that is down', async () => {
    api.route('/moved', () => ({ status: 301, headers: { Location: '/moved/', 'Access-Control-Allow-Origin': '*' } }));
    const moved = await ask(call({ path: '/moved', method: 'DELETE', preflight: true }));
    expect((moved.json as ProbeAnswer).findings).toMatchObject([{ code: 'preflight_redirect', confidence: 'confirmed' }]);
    const closed = await createRecordingServer();
    await closed.close();
    const down = await ask({ ...call({ path: '/x' }), url: `${closed.origin}/x` });
    expect((down.json as ProbeAnswer).findings).toMatchObject([
      { stage: 'network', code: 'unreachable', received: 'ECONNREFUSED', confidence: 'confirmed' },
    ]);
  });

  it('keeps deadlines: an API that never answers is unreachable after the timeout; a huge body is never downloaded', async () => {
    api.route('/hang', () => new Promise(() => undefined));
    const started = performance.now();
    const hang = await ask(call({ path: '/hang' }));
    expect((hang.json as ProbeAnswer).findings).toMatchObject([{ code: 'unreachable', received: 'ETIMEDOUT' }]);
    // It waited for the 800 ms deadline, and not much longer.
    expect(performance.now() - started).toBeGreaterThanOrEqual(790);
    expect(performance.now() - started).toBeLessThan(3000);
    // The head comes at once, then 64 MB only as fast as the probe reads them: a probe that read the body would take
    // them all. The head alone decides, and what left the server when the probe hung up is socket buffers.
    const huge = await hugeBodyServer(64 * 1024 * 1024);
    try {
      const answer = await ask({ ...call({ path: '/huge' }), url: `${huge.origin}/huge` });
      expect((answer.json as ProbeAnswer).findings).toEqual([]);
      expect(await huge.written).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await huge.close();
    }
  });

  it('answers only its own origin on a loopback Host, JSON only, POST only, small bodies only', async () => {
    const body = call({ path: '/guarded' });
    expect((await ask(body, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await ask(body, { Origin: 'null' })).status).toBe(403);
    expect((await ask(body, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await ask(body, { 'Content-Type': 'text/plain' })).status).toBe(403);
    const rebound = await fetch(`${dev}/__crosswise/probe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://rebound.example', Host: 'rebound.example' },
      body: JSON.stringify(body),
    });
    expect(rebound.status).toBe(403);
    expect((await fetch(`${dev}/__crosswise/probe`)).status).toBe(405);
    expect((await fetch(`${dev}/elsewhere`)).status).toBe(404);
    expect((await ask('x'.repeat(9000))).status).toBe(400);
    expect(((await ask({ ...body, url: 'file:///etc/passwd' })).json as { error: string }).error).toMatch(/`url`/);
    expect(((await ask({ ...body, method: 'GET /x' })).json as { error: string }).error).toMatch(/`method`/);
    expect(api.recordsUnder('/guarded')).toHaveLength(0);
    const remote = {
      socket: { remoteAddress: '10.0.0.7' },
      headers: { host: '127.0.0.1:1', origin: 'http://127.0.0.1:1', 'content-type': 'application/json' },
    };
    expect(callerProblem(remote as never)).toMatch(/loopback callers/);
  });

  it('fits connect-style stacks: other paths go to next()', async () => {
    const handler = createProbeHandler({ path: '/probe' });
    let passed = false;
    handler({ url: '/other', method: 'GET' } as never, {} as never, () => {
      passed = true;
    });
    expect(passed).toBe(true);
    expect(() => createProbeHandler({ path: 'probe' })).toThrow(/`path`/);
  });
});
