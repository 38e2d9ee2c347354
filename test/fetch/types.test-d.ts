import { describe, expectTypeOf, it } from 'vitest';
import { createFetch, type ClientStats, type CorsPrediction, type CrosswiseFetch, type FetchOptions } from '../../src/fetch/index.js';
import { getPrediction } from '../../src/fetch/index.js';

describe('crosswise/fetch types', () => {
  it('is a fetch: assignable to typeof fetch, with stats() and its options on the function', () => {
    const apiFetch = createFetch();
    expectTypeOf(apiFetch).toExtend<typeof fetch>();
    expectTypeOf(apiFetch).toEqualTypeOf<CrosswiseFetch>();
    expectTypeOf(apiFetch.stats).returns.toEqualTypeOf<ClientStats>();
    expectTypeOf(apiFetch.options).toEqualTypeOf<Readonly<FetchOptions>>();
    expectTypeOf(getPrediction(new Response())).toEqualTypeOf<CorsPrediction | undefined>();
  });

  it('takes crosswise’s per-call options in init, and refuses bad option values at compile time', () => {
    // Compiled, never run: nothing is sent.
    const calls = (): void => {
      const apiFetch = createFetch({ cors: 'strict' });
      void apiFetch('https://api.example/x', { cors: 'off', allowPreflight: { headers: ['authorization'] }, fallback: 'jsonp' });
      // @ts-expect-error a mode crosswise does not have
      createFetch({ cors: 'loud' });
      // @ts-expect-error ky's options belong to createClient
      createFetch({ prefix: 'https://api.example' });
      // @ts-expect-error the fallback is 'jsonp'
      void apiFetch('https://api.example/x', { fallback: 'script' });
    };
    expectTypeOf(calls).toBeFunction();
  });
});
