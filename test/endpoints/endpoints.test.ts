import { HTTPError, SchemaValidationError } from 'ky';
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createEndpointClient,
  defineEndpoints,
  isCorsPolicyError,
  isResponseSchemaError,
  RequestSchemaError,
  ResponseSchemaError,
} from '../../src/index.js';
import { createRecordingServer, headerValue, type RecordingServer } from '../helpers/recording-server.js';

let page: RecordingServer;
let api: RecordingServer;
const json = (value: unknown) => ({
  status: 200,
  headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify(value),
});

beforeAll(async () => {
  page = await createRecordingServer();
  api = await createRecordingServer();
  api.route('/users/42', () => json({ id: 42, name: 'ada', joined: '2024-01-02' }));
  api.route('/users/a%2Fb', () => json({ id: 7, name: 'slash', joined: '2024-01-02' }));
  api.route('/users/bad', () => json({ id: 'not a number' }));
  api.route('/empty', () => ({ status: 204, headers: { 'Access-Control-Allow-Origin': '*' } }));
  api.route('/broken', () => ({
    status: 500,
    headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
    body: '{"id":1}',
  }));
  api.route('/users', (request) => json({ id: 1, name: JSON.parse(request.body.toString()).name, joined: '2024-01-02' }));
});
afterAll(async () => {
  await Promise.all([page.close(), api.close()]);
});

const User = z.object({ id: z.number(), name: z.string(), joined: z.string().transform((text) => new Date(text)) });
const endpoints = defineEndpoints({
  getUser: { method: 'GET', path: '/users/:id', query: z.object({ verbose: z.boolean().optional() }), response: User },
  getRaw: { method: 'GET', path: '/users/:id' },
  addUser: { method: 'POST', path: '/users', body: z.object({ name: z.string().min(1) }), response: User },
});
const client = (options: Parameters<typeof createClient>[0] = {}) =>
  createEndpointClient(
    createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, onWarning: () => undefined, ...options }),
    endpoints,
  );

describe('typed endpoints', () => {
  it('fills the path, validates the query, parses and transforms the response', async () => {
    const user = await client().getUser({ params: { id: 42 }, query: { verbose: true } });
    expect(user).toEqual({ id: 42, name: 'ada', joined: new Date('2024-01-02') });
    expect(api.records.some((record) => record.path === '/users/42?verbose=true')).toBe(true);
  });

  it('encodes path parameters', async () => {
    await expect(client().getRaw({ params: { id: 'a/b' } })).resolves.toMatchObject({ name: 'slash' });
  });

  it('a response that fails its schema keeps the raw data and the issues', async () => {
    const error: unknown = await client()
      .getUser({ params: { id: 'bad' }, query: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseSchemaError);
    if (!(error instanceof ResponseSchemaError)) return;
    expect(error.data).toEqual({ id: 'not a number' });
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.message).toContain('getUser');
  });

  it("a response that fails its schema was validated by ky: ky's SchemaValidationError is the cause, with the endpoint, the URL and the data it lacks added", async () => {
    const error: unknown = await client()
      .getUser({ params: { id: 'bad' }, query: {} })
      .catch((caught: unknown) => caught);
    if (!(error instanceof ResponseSchemaError)) throw new Error('expected a ResponseSchemaError');
    expect(error.cause).toBeInstanceOf(SchemaValidationError);
    expect((error.cause as SchemaValidationError).issues).toBe(error.issues);
    expect(error.name).toBe('ResponseSchemaError');
    expect(error.context).toEqual({ endpoint: 'getUser', method: 'GET', url: `${api.origin}/users/bad` });
    expect(error.issues[0]?.path).toEqual(['id']);
    expect(error.message).toBe(
      `the response of getUser (GET ${api.origin}/users/bad) failed its schema at id: ${error.issues[0]?.message ?? ''}`,
    );
  });

  it("parses and validates through ky's .json(schema): its Accept, its parseJson, its empty-body rule", async () => {
    const before = api.records.length;
    const parseJson = (text: string) => ({ ...(JSON.parse(text) as object), name: 'from parseJson' });
    await expect(client({ parseJson }).getUser({ params: { id: 42 }, query: {} })).resolves.toMatchObject({ name: 'from parseJson' });
    expect(headerValue(api.records[before] as never, 'accept')).toBe('application/json');
    // An empty body reaches the schema as undefined, as ky's `.json(schema)` has it: no schema, no error.
    const empty = createEndpointClient(
      createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, onWarning: () => undefined }),
      defineEndpoints({
        plain: { method: 'DELETE', path: '/empty' },
        strict: { method: 'DELETE', path: '/empty', response: z.object({ ok: z.boolean() }) },
        optional: { method: 'DELETE', path: '/empty', response: z.undefined() },
      }),
    );
    await expect(empty.plain()).resolves.toBeUndefined();
    await expect(empty.optional()).resolves.toBeUndefined();
    const error: unknown = await empty.strict().catch((caught: unknown) => caught);
    expect(isResponseSchemaError(error)).toBe(true);
    expect(error).toMatchObject({ data: undefined, context: { endpoint: 'strict', method: 'DELETE' } });
  });

  it('an HTTP error stays an HTTPError, not a schema error', async () => {
    const broken = createEndpointClient(
      createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, onWarning: () => undefined }),
      defineEndpoints({ broken: { method: 'GET', path: '/broken', response: z.object({ id: z.string() }) } }),
    );
    await expect(broken.broken()).rejects.toBeInstanceOf(HTTPError);
  });

  it("a plain call's .json(schema) gets ky's SchemaValidationError unchanged", async () => {
    const plain = createClient({ baseUrl: api.origin, origin: page.origin, retry: 0, onWarning: () => undefined });
    const error: unknown = await plain
      .get('users/bad')
      .json(User)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect(error).not.toBeInstanceOf(ResponseSchemaError);
    expect(isResponseSchemaError(error)).toBe(false);
    expect(error).toMatchObject({ name: 'SchemaValidationError', message: 'Response schema validation failed' });
    expect(Object.keys(error as object).sort()).toEqual(['issues', 'name']);
    await expect(plain.get('users/42').json(User)).resolves.toEqual({ id: 42, name: 'ada', joined: new Date('2024-01-02') });
  });

  it('a body or query that fails its schema sends nothing', async () => {
    const before = api.records.length;
    await expect(client().addUser({ body: { name: '' } })).rejects.toBeInstanceOf(RequestSchemaError);
    await expect(client().getUser({ params: { id: 42 }, query: { verbose: 'yes' as unknown as boolean } })).rejects.toThrow(
      /query of getUser/,
    );
    expect(api.records.length).toBe(before);
  });

  it('sends a validated JSON body', async () => {
    await expect(client().addUser({ body: { name: 'grace' } })).resolves.toMatchObject({ id: 1, name: 'grace' });
  });

  it('CORS strict mode still applies through endpoints', async () => {
    const before = api.records.length;
    const error: unknown = await client({ cors: 'strict' })
      .addUser({ body: { name: 'x' } })
      .catch((caught: unknown) => caught);
    expect(isCorsPolicyError(error)).toBe(true);
    expect(api.records.length).toBe(before);
  });

  it('refuses bad definitions and missing params by name', () => {
    expect(() => defineEndpoints({ x: { method: 'GET', path: '/x', body: z.string() } as never })).toThrow(/cannot have a body/);
    expect(() => defineEndpoints({ x: { method: 'POST', path: '/x', transport: 'jsonp' } as never })).toThrow(/GET only/);
    expect(() => defineEndpoints({ x: { method: 'FETCH', path: '/x' } as never })).toThrow(/`method`/);
    expect(() => defineEndpoints({ x: { method: 'GET', path: 'x' } as never })).toThrow(/`path`/);
    return expect(client().getRaw({ params: { id: '' } })).rejects.toThrow(/`params.id`/);
  });
});
