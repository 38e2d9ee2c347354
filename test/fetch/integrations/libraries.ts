import { QueryClient } from '@tanstack/query-core';
import axios from 'axios';
import createOpenApiClient from 'openapi-fetch';
import { ofetch } from 'ofetch';
import { getPrediction, type CorsPrediction, type CrosswiseFetch } from '../../../src/fetch/index.js';

// Each library wired to a crosswise fetch the way its documentation wires a custom fetch (docs/integrations.md shows the
// same lines). A call is described once; each library makes it its own way and hands back what it exposes.

/** One call, whatever library makes it. */
export interface Call {
  base: string;
  path: string;
  method: 'GET' | 'PUT';
  headers?: Record<string, string>;
  json?: unknown;
  credentials?: 'include';
}

/** What came back: the status, and the prediction crosswise kept on what the library returned. */
export interface Sent {
  status: number;
  prediction: CorsPrediction | undefined;
}

export type Library = (apiFetch: CrosswiseFetch, call: Call) => Promise<Sent>;

/** A minimal OpenAPI description: every path answers GET and PUT with JSON. */
interface Operation {
  parameters: { query?: never; header?: Record<string, string>; path?: never; cookie?: never };
  requestBody?: { content: { 'application/json': unknown } };
  responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': unknown } } };
}
type Paths = Record<
  string,
  { get: Operation; put: Operation; parameters: { query?: never; header?: never; path?: never; cookie?: never } }
>;

const openapiFetch: Library = async (apiFetch, call) => {
  const client = createOpenApiClient<Paths>({
    baseUrl: call.base,
    fetch: apiFetch,
    ...(call.credentials === undefined ? {} : { credentials: call.credentials }),
  });
  const { response } =
    call.method === 'GET'
      ? await client.GET(call.path, { headers: call.headers ?? {}, parseAs: 'text' })
      : await client.PUT(call.path, { headers: call.headers ?? {}, body: call.json, parseAs: 'text' });
  return { status: response.status, prediction: getPrediction(response) };
};

const axiosFetch: Library = async (apiFetch, call) => {
  const instance = axios.create({
    baseURL: call.base,
    adapter: 'fetch',
    env: { fetch: apiFetch },
    withCredentials: call.credentials === 'include',
  });
  const response = await instance.request({ url: call.path, method: call.method, headers: call.headers ?? {}, data: call.json });
  // axios keeps the Request it handed to fetch as `response.request`.
  return { status: response.status, prediction: getPrediction(response.request as Request) };
};

const ofetchFetch: Library = async (apiFetch, call) => {
  const client = ofetch.create({ baseURL: call.base, retry: 0 }, { fetch: apiFetch });
  const response = await client.raw(call.path, {
    method: call.method,
    headers: call.headers ?? {},
    ...(call.json === undefined ? {} : { body: call.json as Record<string, unknown> }),
    ...(call.credentials === undefined ? {} : { credentials: call.credentials }),
  });
  return { status: response.status, prediction: getPrediction(response) };
};

const tanstackQuery: Library = async (apiFetch, call) => {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return queryClient.fetchQuery({
    queryKey: [call.method, call.base, call.path],
    queryFn: async ({ signal }) => {
      const response = await apiFetch(`${call.base}${call.path}`, {
        method: call.method,
        headers: { ...(call.json === undefined ? {} : { 'Content-Type': 'application/json' }), ...call.headers },
        ...(call.json === undefined ? {} : { body: JSON.stringify(call.json) }),
        ...(call.credentials === undefined ? {} : { credentials: call.credentials }),
        signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { status: response.status, prediction: getPrediction(response) };
    },
  });
};

export const LIBRARIES: Readonly<Record<string, Library>> = {
  'openapi-fetch': openapiFetch,
  axios: axiosFetch,
  ofetch: ofetchFetch,
  'tanstack-query': tanstackQuery,
};
