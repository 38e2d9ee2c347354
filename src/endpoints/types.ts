import type { CallOptions } from '../client/options.js';
import type { HasParams, PathParams } from './path.js';
import type { InputOf, OutputOf, StandardSchemaV1 } from './standard-schema.js';

/** Any Standard Schema (zod 4, valibot, arktype…), whatever it accepts and produces. */
type Schema = StandardSchemaV1<never, unknown> | StandardSchemaV1;

/** What every endpoint declares: its path, and the schemas that check what goes out and comes back. */
interface EndpointBase {
  /**
   * The path, resolved against the client's `baseUrl`; `:name` segments are filled from the call's `params`.
   * @example '/users/:id'
   */
  path: `/${string}`;
  /** Validates the query parameters before sending. */
  query?: Schema;
  /** Validates (and transforms) the JSON response. */
  response?: Schema;
}

/** A GET or HEAD endpoint: no body; may travel by JSONP (GET). */
export interface ReadEndpoint extends EndpointBase {
  /** The method: a read sends no body. */
  method: 'GET' | 'HEAD';
  /** A read has no body. */
  body?: never;
  /**
   * `'jsonp'`: always load through a script tag (the origin must be in the client's `jsonp.origins`).
   * @default 'fetch'
   */
  transport?: 'fetch' | 'jsonp';
  /** `'jsonp'`: fall back to JSONP once on a cross-origin network failure. */
  fallback?: 'jsonp';
}

/** An endpoint that sends a JSON body. */
export interface WriteEndpoint extends EndpointBase {
  /** The method; the body travels as JSON. */
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Validates the JSON body before sending. */
  body?: Schema;
  /** A write always goes by fetch: a script tag can only GET. */
  transport?: never;
  /** A write never falls back to JSONP: a script tag can only GET. */
  fallback?: never;
}

/** One endpoint definition: a read (GET, HEAD) or a write (POST, PUT, PATCH, DELETE). */
export type Endpoint = ReadEndpoint | WriteEndpoint;
/** Endpoint definitions by name, as `defineEndpoints` and `createEndpointClient` take them. */
export type Endpoints = Readonly<Record<string, Endpoint>>;

/** The `params` a call passes: required when the path has `:name` segments, else absent. */
type ParamsPart<E extends Endpoint> =
  HasParams<E['path']> extends true
    ? {
        /** A value (string or number) for each `:name` of the path, encoded into it. */
        params: PathParams<E['path']>;
      }
    : {
        /** The path has no `:name` segment: nothing to fill. */
        params?: never;
      };
/** The `query` a call passes: required, as the schema accepts it, when the endpoint declares one. */
type QueryPart<E extends Endpoint> = E['query'] extends Schema
  ? {
      /** The query parameters, checked by the endpoint's `query` schema before sending. */
      query: InputOf<E['query']>;
    }
  : {
      /** The endpoint declares no query schema. */
      query?: never;
    };
/** The `body` a call passes: for a write endpoint with a body schema only. */
type BodyPart<E extends Endpoint> = E extends WriteEndpoint
  ? E['body'] extends Schema
    ? {
        /** The JSON body, checked by the endpoint's `body` schema before sending. */
        body: InputOf<E['body']>;
      }
    : {
        /** The endpoint declares no body schema. */
        body?: never;
      }
  : {
      /** A read endpoint sends no body. */
      body?: never;
    };

/** What a call of endpoint E takes: path params, query and body as its schemas accept, and any per-call client option. */
export type EndpointInput<E extends Endpoint> = ParamsPart<E> &
  QueryPart<E> &
  BodyPart<E> & {
    /** Per-call client options (headers, `signal`, `cors`, …), as for the client's own methods. */
    options?: CallOptions;
  };

/** What a call of endpoint E resolves to: the response schema's output, or the parsed JSON. */
export type EndpointOutput<E extends Endpoint> = E['response'] extends Schema ? OutputOf<E['response']> : unknown;

/** The function for one endpoint: its input may be left out when every part of it is optional. */
type Caller<E extends Endpoint> =
  // biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the idiom for "every key of T is optional"
  {} extends EndpointInput<E>
    ? (input?: EndpointInput<E>) => Promise<EndpointOutput<E>>
    : (input: EndpointInput<E>) => Promise<EndpointOutput<E>>;

/** One typed function per endpoint. */
export type EndpointClient<D extends Endpoints> = { readonly [Name in keyof D]: Caller<D[Name]> };
