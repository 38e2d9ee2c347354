import { describe, expectTypeOf, it } from 'vitest';
import {
  createFetch,
  sessionStats,
  type ClientStats,
  type CorsPrediction,
  type CrosswiseFetch,
  type FetchOptions,
  type StatsReader,
} from '../../src/fetch/index.js';
import { getPrediction } from '../../src/fetch/index.js';

describe('crosswise/fetch types', () => {
  it('is a fetch: assignable to typeof fetch, with its options on the function, and stats() only with the stats plugin', () => {
    const apiFetch = createFetch();
    expectTypeOf(apiFetch).toExtend<typeof fetch>();
    expectTypeOf(apiFetch).toEqualTypeOf<CrosswiseFetch>();
    expectTypeOf(apiFetch).not.toHaveProperty('stats');
    const recorded = createFetch({ stats: sessionStats() });
    expectTypeOf(recorded).toEqualTypeOf<CrosswiseFetch & StatsReader>();
    expectTypeOf(recorded).toExtend<typeof fetch>();
    expectTypeOf(recorded.stats).returns.toEqualTypeOf<ClientStats>();
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
      // @ts-expect-error stats() is typed only on a fetch made with the stats plugin
      createFetch({ cors: 'strict' }).stats();
      // @ts-expect-error the stats option takes sessionStats()'s plugin, not its options
      createFetch({ stats: { responseHeaders: true } });
      // @ts-expect-error preflightMaxAge is sessionStats()'s option now
      createFetch({ preflightMaxAge: 600 });
      // @ts-expect-error the fallback is 'jsonp'
      void apiFetch('https://api.example/x', { fallback: 'script' });
    };
    expectTypeOf(calls).toBeFunction();
  });
});
