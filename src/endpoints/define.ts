import type { CrosswiseClient } from '../client/create-client.js';
import { isSchemaValidationError } from '../client/ky-contract.js';
import { RequestSchemaError, ResponseSchemaError, type SchemaIssue } from '../errors/response-schema-error.js';
import { baseDirectory } from './base-url.js';
import { fillPath } from './path.js';
import { isStandardSchema, type StandardSchemaV1 } from './standard-schema.js';
import type { Endpoint, EndpointClient, EndpointInput, Endpoints } from './types.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Declares endpoints once: checks each definition and keeps its literal types for inference. */
export function defineEndpoints<const D extends Endpoints>(definitions: D): D {
  // Checked as plain data: JavaScript callers and casts can break what the types promise.
  for (const [name, endpoint] of Object.entries(definitions as Record<string, unknown>) as [string, Record<string, unknown>][]) {
    const where = `endpoint \`${name}\``;
    const method = String(endpoint['method']);
    if (!METHODS.has(method)) throw new TypeError(`${where}: \`method\` must be one of ${[...METHODS].join(', ')}`);
    if (typeof endpoint['path'] !== 'string' || !endpoint['path'].startsWith('/'))
      throw new TypeError(`${where}: \`path\` must start with /`);
    for (const part of ['query', 'body', 'response'] as const) {
      const schema: unknown = endpoint[part];
      if (schema !== undefined && !isStandardSchema(schema))
        throw new TypeError(`${where}: \`${part}\` must be a Standard Schema (zod 4, valibot, …)`);
    }
    if (endpoint['body'] !== undefined && (method === 'GET' || method === 'HEAD'))
      throw new TypeError(`${where}: a ${method} endpoint cannot have a body`);
    if ((endpoint['transport'] === 'jsonp' || endpoint['fallback'] === 'jsonp') && method !== 'GET')
      throw new TypeError(`${where}: JSONP works for GET only`);
  }
  return definitions;
}

/** The value as the schema outputs it (as given without one); failure throws the error `fail` makes of the issues. For the query and body, which ky does not validate. */
async function validated(schema: unknown, value: unknown, fail: (issues: readonly SchemaIssue[]) => Error): Promise<unknown> {
  if (schema === undefined) return value;
  const result = await (schema as StandardSchemaV1)['~standard'].validate(value);
  if (result.issues !== undefined) throw fail(result.issues);
  return result.value;
}

/**
 * The response schema as ky's `.json(schema)` takes it, keeping the parsed body it is given: ky's
 * SchemaValidationError carries the issues but not the data. Without a schema, the body passes as parsed.
 */
function recordingSchema(schema: StandardSchemaV1 | undefined): { schema: StandardSchemaV1; received: { data?: unknown } } {
  const received: { data?: unknown } = {};
  const validate = (value: unknown): ReturnType<StandardSchemaV1['~standard']['validate']> => {
    received.data = value;
    return schema === undefined ? { value } : schema['~standard'].validate(value);
  };
  return { schema: { '~standard': { version: 1, vendor: schema?.['~standard'].vendor ?? 'crosswise', validate } }, received };
}

function toSearchParams(query: unknown): Record<string, string> | undefined {
  if (query === undefined || query === null) return undefined;
  const entries = Object.entries(query as Record<string, unknown>).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

async function call(client: CrosswiseClient, name: string, endpoint: Endpoint, input: EndpointInput<Endpoint> = {}): Promise<unknown> {
  const url = fillPath(endpoint.path, input.params as Record<string, string | number> | undefined).replace(/^\//, '');
  const context = { endpoint: name, method: endpoint.method, url };
  const query = toSearchParams(
    await validated(endpoint.query, input.query, (issues) => new RequestSchemaError('query', context, issues, input.query)),
  );
  const body = await validated(endpoint.body, input.body, (issues) => new RequestSchemaError('body', context, issues, input.body));
  const options: Record<string, unknown> = { ...input.options };
  // The endpoint's path extends the base URL's path ('/v1' + '/items' is '/v1/items'); a `prefix` goes in between.
  const baseUrl = baseDirectory(input.options?.baseUrl ?? client.options.baseUrl);
  if (baseUrl !== undefined) options['baseUrl'] = baseUrl;
  if (query !== undefined) options['searchParams'] = query;
  if (body !== undefined) options['json'] = body;
  const method = endpoint.method.toLowerCase() as 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete';
  // Only GET may travel by JSONP.
  const jsonp =
    method === 'get'
      ? {
          ...(endpoint.transport === undefined ? {} : { transport: endpoint.transport }),
          ...(endpoint.fallback === undefined ? {} : { fallback: endpoint.fallback }),
        }
      : {};
  const pending = client[method](url, { ...options, ...jsonp });
  if (method === 'head') {
    await pending;
    return undefined;
  }
  // ky parses and validates (its `parseJson`, its empty-body rule, its Accept); crosswise adds what its error lacks.
  const { schema, received } = recordingSchema(endpoint.response as StandardSchemaV1 | undefined);
  try {
    return await pending.json(schema);
  } catch (error) {
    if (!isSchemaValidationError(error) || !('data' in received)) throw error;
    const response = await pending;
    throw new ResponseSchemaError({ ...context, url: response.url }, error.issues, received.data, { cause: error });
  }
}

/**
 * Typed callers for declared endpoints, sending through a crosswise client (so CORS prediction, warnings, strict
 * mode, credentials and JSONP all apply). A path extends the client's `baseUrl` (`https://api.example.com/v1` and
 * `/items` call `/v1/items`, with or without a trailing slash), with any `prefix` in between.
 * @example
 * const api = createEndpointClient(createClient({ baseUrl: 'https://api.example.com' }), endpoints);
 * const user = await api.getUser({ params: { id: 42 } });
 * @param client The crosswise client the calls go through (its `baseUrl`, policies and hooks apply).
 * @param endpoints The definitions, as `defineEndpoints` returns them.
 */
export function createEndpointClient<D extends Endpoints>(client: CrosswiseClient, endpoints: D): EndpointClient<D> {
  const callers: Record<string, (input?: EndpointInput<Endpoint>) => Promise<unknown>> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    callers[name] = (input) => call(client, name, endpoint, input);
  }
  return Object.freeze(callers) as EndpointClient<D>;
}
