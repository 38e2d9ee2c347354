import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createEndpointClient, defineEndpoints, type CallOptions, type ClientOptions } from '../../src/index.js';
import { baseDirectory } from '../../src/endpoints/base-url.js';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';

// Where an endpoint's path lands under a base URL with a path: the recording server sees the exact request target.
let api: RecordingServer;
beforeAll(async () => {
  api = await createRecordingServer();
  api.routePrefix('/', () => ({
    status: 200,
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
    body: '{"ok":true}',
  }));
});
afterAll(async () => {
  await api.close();
});

const endpoints = defineEndpoints({ getItem: { method: 'GET', path: '/items/:id' } });
// The exact path the server received for one call of `getItem` through a client made with `options`.
const sentPath = async (options: ClientOptions, callOptions?: CallOptions): Promise<string | undefined> => {
  const before = api.records.length;
  const caller = createEndpointClient(createClient({ origin: api.origin, retry: 0, onWarning: () => undefined, ...options }), endpoints);
  await caller.getItem({ params: { id: 7 }, ...(callOptions === undefined ? {} : { options: callOptions }) });
  return api.records
    .slice(before)
    .map((record) => record.path)
    .join(' ');
};

describe('an endpoint path under a base URL', () => {
  it('extends the base path, with or without its trailing slash', async () => {
    expect(await sentPath({ baseUrl: `${api.origin}/v1` })).toBe('/v1/items/7');
    expect(await sentPath({ baseUrl: `${api.origin}/v1/` })).toBe('/v1/items/7');
    expect(await sentPath({ baseUrl: `${api.origin}/api/v1` })).toBe('/api/v1/items/7');
    expect(await sentPath({ baseUrl: new URL(`${api.origin}/v1`) as unknown as string })).toBe('/v1/items/7');
    expect(await sentPath({ baseUrl: api.origin })).toBe('/items/7');
  });

  it('puts a relative prefix between the base path and the endpoint path; a root-relative prefix starts at the root', async () => {
    expect(await sentPath({ prefix: `${api.origin}/v1` })).toBe('/v1/items/7');
    expect(await sentPath({ baseUrl: `${api.origin}/api`, prefix: 'v2' })).toBe('/api/v2/items/7');
    expect(await sentPath({ baseUrl: `${api.origin}/api`, prefix: '/v2' })).toBe('/v2/items/7');
  });

  it('a per-call baseUrl wins, with the same rule', async () => {
    expect(await sentPath({ baseUrl: `${api.origin}/v1` }, { baseUrl: `${api.origin}/v3` })).toBe('/v3/items/7');
  });

  it('baseDirectory adds the slash to the path only', () => {
    expect(baseDirectory('https://api.example.com/v1?key=1#top')).toBe('https://api.example.com/v1/?key=1#top');
    expect(baseDirectory('https://api.example.com')).toBe('https://api.example.com/');
    expect(baseDirectory('/v1')).toBe('/v1/');
    expect(baseDirectory('https://api.example.com/v1/')).toBe('https://api.example.com/v1/');
    expect([baseDirectory(undefined), baseDirectory('')]).toEqual([undefined, undefined]);
  });
});

describe('a path parameter that is a dot segment', () => {
  it('is refused before anything is sent: URL parsing would climb out of the endpoint (DELETE /v1/items/.. is DELETE /v1/)', async () => {
    const remove = defineEndpoints({ deleteItem: { method: 'DELETE', path: '/items/:id' } });
    const caller = createEndpointClient(
      createClient({ baseUrl: `${api.origin}/v1`, origin: api.origin, retry: 0, onWarning: () => undefined }),
      remove,
    );
    const before = api.records.length;
    for (const id of ['..', '.'])
      await expect(caller.deleteItem({ params: { id } })).rejects.toThrow(`path /items/:id: \`params.id\` cannot be '${id}'`);
    expect(api.records.length).toBe(before);
    // Dots inside a value are an ordinary segment.
    await caller.deleteItem({ params: { id: '...' } });
    expect(api.records.slice(before).map((record) => `${record.method} ${record.path}`)).toEqual(['DELETE /v1/items/...']);
  });
});
