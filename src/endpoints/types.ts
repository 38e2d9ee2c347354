import type { CallOptions } from '../client/options.js';
import type { HasParams, PathParams } from './path.js';
import type { InputOf, OutputOf, StandardSchemaV1 } from './standard-schema.js';

type Schema = StandardSchemaV1<never, unknown> | StandardSchemaV1;

interface EndpointBase {
  path: `/${string}`;
  /** Validates the query parameters before sending. */
  query?: Schema;
  /** Validates (and transforms) the JSON response. */
  response?: Schema;
}

/** A GET or HEAD endpoint: no body; may travel by JSONP (GET). */
export interface ReadEndpoint extends EndpointBase {
  method: 'GET' | 'HEAD';
  body?: never;
  /** `'jsonp'`: always load through a script tag (the origin must be in the client's `jsonp.origins`). */
  transport?: 'fetch' | 'jsonp';
  /** `'jsonp'`: fall back to JSONP once on a cross-origin network failure. */
  fallback?: 'jsonp';
}

/** An endpoint that sends a JSON body. */
export interface WriteEndpoint extends EndpointBase {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Validates the JSON body before sending. */
  body?: Schema;
  transport?: never;
  fallback?: never;
}

/** One endpoint definition: a read (GET, HEAD) or a write (POST, PUT, PATCH, DELETE). */
export type Endpoint = ReadEndpoint | WriteEndpoint;
/** Endpoint definitions by name, as `defineEndpoints` and `createEndpointClient` take them. */
export type Endpoints = Readonly<Record<string, Endpoint>>;

type ParamsPart<E extends Endpoint> = HasParams<E['path']> extends true ? { params: PathParams<E['path']> } : { params?: never };
type QueryPart<E extends Endpoint> = E['query'] extends Schema ? { query: InputOf<E['query']> } : { query?: never };
type BodyPart<E extends Endpoint> = E extends WriteEndpoint
  ? E['body'] extends Schema
    ? { body: InputOf<E['body']> }
    : { body?: never }
  : { body?: never };

/** What a call of endpoint E takes: path params, query and body as its schemas accept, and any per-call client option. */
export type EndpointInput<E extends Endpoint> = ParamsPart<E> & QueryPart<E> & BodyPart<E> & { options?: CallOptions };

/** What a call of endpoint E resolves to: the response schema's output, or the parsed JSON. */
export type EndpointOutput<E extends Endpoint> = E['response'] extends Schema ? OutputOf<E['response']> : unknown;

type Caller<E extends Endpoint> =
  // biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the idiom for "every key of T is optional"
  {} extends EndpointInput<E>
    ? (input?: EndpointInput<E>) => Promise<EndpointOutput<E>>
    : (input: EndpointInput<E>) => Promise<EndpointOutput<E>>;

/** One typed function per endpoint. */
export type EndpointClient<D extends Endpoints> = { readonly [Name in keyof D]: Caller<D[Name]> };
