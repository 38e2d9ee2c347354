import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../../examples/demo/server.js';
import type { SeenRequest } from '../../examples/demo/probe-log.js';

// The demo API's log of playground runs: what it records, and that a long `--serve` session cannot grow it.

let servers: DemoServers;
beforeAll(async () => {
  servers = await startDemoServers();
});
afterAll(() => servers.close());

const seen = async (id: string): Promise<SeenRequest[]> =>
  ((await (await fetch(`${servers.apiOrigin}/_seen/${id}`)).json()) as { seen: SeenRequest[] }).seen;
const id = (n: number): string => `run-${String(n).padStart(6, '0')}`;

describe('the probe log', () => {
  it("records a run's preflight and call, with the answers' Access-Control headers, readable from any origin", async () => {
    const origin = servers.pageOrigin;
    await fetch(`${servers.apiOrigin}/modern/items/1?_probe=${id(1)}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization' },
    });
    await fetch(`${servers.apiOrigin}/modern/items/1?_probe=${id(1)}`, { method: 'PUT', headers: { Origin: origin, Cookie: 'a=1' } });
    const response = await fetch(`${servers.apiOrigin}/_seen/${id(1)}`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const [preflight, call] = ((await response.json()) as { seen: SeenRequest[] }).seen;
    expect(preflight).toMatchObject({
      method: 'OPTIONS',
      path: '/modern/items/1',
      origin,
      requestMethod: 'PUT',
      requestHeaders: 'authorization',
      cookie: false,
      status: 204,
    });
    expect(preflight?.allow).toMatchObject({ 'access-control-allow-origin': origin, 'access-control-max-age': '600' });
    expect(call).toMatchObject({ method: 'PUT', requestMethod: null, cookie: true, status: 200 });
  });

  it('keeps the newest 64 runs, 8 requests each, and refuses a malformed id', async () => {
    for (let n = 2; n <= 70; n++) await fetch(`${servers.apiOrigin}/modern/items?_probe=${id(n)}`);
    for (let n = 0; n < 10; n++) await fetch(`${servers.apiOrigin}/modern/items?_probe=${id(70)}`);
    expect(await seen(id(1))).toEqual([]);
    expect(await seen(id(6))).toEqual([]);
    expect(await seen(id(7))).toHaveLength(1);
    expect(await seen(id(70))).toHaveLength(8);
    expect((await fetch(`${servers.apiOrigin}/_seen/x`)).status).toBe(400);
  });
});

describe("the API's traffic recordings", () => {
  it('hold what reached the API while open, in order, and nothing once closed', async () => {
    const first = servers.recordApi();
    await fetch(`${servers.apiOrigin}/modern/items`);
    const second = servers.recordApi();
    await fetch(`${servers.apiOrigin}/modern/items/1`, { method: 'DELETE' });
    const seenByFirst = first();
    await fetch(`${servers.apiOrigin}/modern/items/2`);
    expect(seenByFirst).toEqual([
      { method: 'GET', path: '/modern/items' },
      { method: 'DELETE', path: '/modern/items/1' },
    ]);
    expect(second()).toEqual([
      { method: 'DELETE', path: '/modern/items/1' },
      { method: 'GET', path: '/modern/items/2' },
    ]);
    await fetch(`${servers.apiOrigin}/modern/items/3`);
    expect(seenByFirst).toHaveLength(2); // closed: a server left up keeps nothing more
  });
});
