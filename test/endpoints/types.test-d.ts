import * as z from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import { createClient, createEndpointClient, defineEndpoints } from '../../src/index.js';

// Compile-time contract, checked by `tsc` over test/: the @ts-expect-error lines must stay errors.
const endpoints = defineEndpoints({
  getUser: {
    method: 'GET',
    path: '/users/:id/posts/:postId',
    response: z.object({ id: z.number(), at: z.string().transform((s) => new Date(s)) }),
  },
  list: { method: 'GET', path: '/users', query: z.object({ page: z.number() }) },
  add: { method: 'POST', path: '/users', body: z.object({ name: z.string() }) },
  ping: { method: 'GET', path: '/ping' },
});
const api = createEndpointClient(createClient(), endpoints);

describe('endpoint types', () => {
  it('infers params, query, body and the output', () => {
    expectTypeOf(api.getUser).parameter(0).toMatchTypeOf<{ params: { id: string | number; postId: string | number } }>();
    expectTypeOf(api.getUser).returns.resolves.toEqualTypeOf<{ id: number; at: Date }>();
    expectTypeOf(api.add).parameter(0).toMatchTypeOf<{ body: { name: string } }>();
    expectTypeOf(api.ping).returns.resolves.toBeUnknown();
  });

  it('rejects calls that do not fit', () => {
    const never = (): void => {
      // @ts-expect-error a wrong param name
      void api.getUser({ params: { id: 1, post: 2 } });
      // @ts-expect-error params are required
      void api.getUser({});
      // @ts-expect-error the body has the wrong type
      void api.add({ body: { name: 1 } });
      // @ts-expect-error the query is required by its schema
      void api.list({});
      // @ts-expect-error no body on an endpoint without one
      void api.ping({ body: {} });
      // @ts-expect-error a GET endpoint cannot declare a body
      defineEndpoints({ bad: { method: 'GET', path: '/x', body: z.string() } });
      // @ts-expect-error JSONP is for GET only
      defineEndpoints({ bad: { method: 'POST', path: '/x', transport: 'jsonp' } });
    };
    expectTypeOf(never).toBeFunction();
  });
});
