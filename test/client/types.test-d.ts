import { describe, expectTypeOf, it } from 'vitest';
import {
  createClient,
  sessionStats,
  type ClientStats,
  type CorsPrediction,
  type CrosswiseClient,
  jsonpTransport,
  type StatsReader,
} from '../../src/index.js';

// Compile-time contract: checked by `tsc` (test/ is in tsconfig), asserted here so vitest lists it.
describe('client types', () => {
  it('JSONP options exist on GET only', () => {
    const api = createClient({ jsonp: jsonpTransport({ origins: ['https://legacy.example'] }) });
    expectTypeOf(api.get).parameter(1).toMatchTypeOf<{ transport?: 'fetch' | 'jsonp'; fallback?: 'jsonp' } | undefined>();
    // @ts-expect-error a script tag cannot POST
    void (() => api.post('x', { fallback: 'jsonp' }));
    // @ts-expect-error nor DELETE
    void (() => api.delete('x', { transport: 'jsonp' }));
  });

  it('explain resolves to a prediction; bad modes do not compile', () => {
    const api = createClient();
    expectTypeOf(api.explain).returns.resolves.toEqualTypeOf<CorsPrediction>();
    // @ts-expect-error not a cors mode
    void (() => createClient({ cors: 'loud' }));
  });

  it('stats() is typed only on a client made with the stats plugin, and on its children', () => {
    const plain = createClient({ cors: 'strict' });
    expectTypeOf(plain).toEqualTypeOf<CrosswiseClient>();
    expectTypeOf(plain).not.toHaveProperty('stats');
    const recorded = createClient({ cors: 'strict', stats: sessionStats({ responseHeaders: true }) });
    expectTypeOf(recorded).toEqualTypeOf<CrosswiseClient & StatsReader>();
    expectTypeOf(recorded.stats).returns.toEqualTypeOf<ClientStats>();
    // A child keeps its parent's plugin, or gets one from its own options.
    expectTypeOf(recorded.extend({ timeout: 1000 }).stats).returns.toEqualTypeOf<ClientStats>();
    expectTypeOf(plain.extend({ stats: sessionStats() }).stats).returns.toEqualTypeOf<ClientStats>();
    expectTypeOf(plain.extend({ timeout: 1000 })).not.toHaveProperty('stats');
    // @ts-expect-error no stats plugin, no stats()
    void (() => plain.stats());
    // @ts-expect-error the option takes sessionStats()'s plugin, not its options (crosswise's earlier shape)
    void (() => createClient({ stats: { responseHeaders: true } }));
    // @ts-expect-error preflightMaxAge and clock are sessionStats()'s options now
    void (() => createClient({ preflightMaxAge: 600 }));
  });
});
