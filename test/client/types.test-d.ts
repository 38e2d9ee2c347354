import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type CorsPrediction, jsonpTransport } from '../../src/index.js';

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
});
