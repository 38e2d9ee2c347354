import fc from 'fast-check';
import type { BodySpec, Shape, SymbolPlace } from '../conformance/fetch-args.js';
import { headerList, headerName, method, url } from '../helpers/arbitraries.js';

// Arbitrary conformance shapes: plain data (JSON), so that a real browser page builds the very arguments Node describes.

const rare = <T>(arbitrary: fc.Arbitrary<T>, weight = 12): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight }, { arbitrary, weight: 1 });
const sometimes = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arbitrary, { nil: undefined, freq: 2 });

const body: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.record({ kind: fc.constant('string' as const), value: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('urlsearchparams' as const), value: fc.constantFrom('a=1', 'a=1&b=%20', '') }),
  fc.record({ kind: fc.constant('formdata' as const), fields: fc.constant([['a', '1']] as [string, string][]) }),
  fc.record({
    kind: fc.constant('blob' as const),
    type: fc.oneof(fc.constantFrom('', 'text/plain', 'application/json', 'TEXT/PLAIN;a=b;', 'image/png'), fc.string({ maxLength: 12 })),
    value: fc.constant('x'),
  }),
  fc.record({ kind: fc.constant('arraybuffer' as const), size: fc.oneof(fc.nat({ max: 16 }), fc.constantFrom(65_536, 65_537)) }),
  fc.record({ kind: fc.constant('uint8array' as const), size: fc.nat({ max: 16 }) }),
  fc.record({ kind: fc.constant('stream' as const), duplex: fc.constantFrom('half' as const, null), locked: fc.boolean() }),
);

// Most calls are well formed, so that the header lists get compared too; a quarter draw from the hostile arbitraries.
const printable = fc.stringMatching(/^[ -~]{0,24}$/);
const cleanHeaders = fc.array(
  fc.tuple(
    headerName.filter((name) => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)),
    fc.oneof(fc.constantFrom('text/plain', 'text/plain;a=b;', 'application/json', 'bytes=0-1', 'en-US', '*/*', 'on', '2'), printable),
  ),
  { maxLength: 5 },
);
const entries = fc.oneof({ arbitrary: cleanHeaders, weight: 3 }, { arbitrary: headerList, weight: 1 });
const callMethod = fc.oneof(
  { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'get', 'post', 'patch', 'HEAD'), weight: 3 },
  { arbitrary: method, weight: 1 },
);

/** A fetch() call as a shape: most members often, the hostile ones (Symbols, window, blob: URLs) rarely. */
export const shapeArbitrary: fc.Arbitrary<Shape> = fc
  .record(
    {
      sameOrigin: fc.boolean(),
      rawUrl: rare(url, 6),
      method: sometimes(callMethod),
      // A Headers object refuses invalid names itself, before fetch() sees them: that form gets a smaller share.
      headers: sometimes(
        fc.record({
          form: fc.constantFrom('record' as const, 'array' as const, 'array' as const, 'record' as const, 'headers' as const),
          entries,
        }),
      ),
      body: sometimes(body),
      mode: sometimes(
        fc.constantFrom('cors', 'cors', 'no-cors', 'no-cors', 'same-origin', 'navigate', 'bogus') as fc.Arbitrary<RequestMode>,
      ),
      credentials: rare(fc.constantFrom('omit', 'same-origin', 'include', 'bogus') as fc.Arbitrary<RequestCredentials>, 8),
      cache: rare(fc.constantFrom('default', 'no-store', 'only-if-cached', 'bogus') as fc.Arbitrary<RequestCache>, 8),
      redirect: rare(fc.constantFrom('follow', 'error', 'manual', 'bogus') as fc.Arbitrary<RequestRedirect>, 8),
      referrerPolicy: rare(fc.constantFrom('no-referrer', 'origin', 'bogus', '') as fc.Arbitrary<ReferrerPolicy>, 10),
      priority: rare(fc.constantFrom('high', 'low', 'auto', 'bogus') as fc.Arbitrary<RequestPriority>, 10),
      referrer: rare(
        fc.oneof(fc.constantFrom('', '/x', 'about:client', 'http://[', 'https://elsewhere.example/'), fc.string({ maxLength: 6 })),
        6,
      ),
      keepalive: rare(fc.boolean(), 4),
      windowObject: rare(fc.constant(true), 20),
      symbol: rare(fc.constantFrom<SymbolPlace>('input', 'method', 'body', 'header-key', 'header-value', 'referrer'), 20),
      urlCredentials: rare(fc.constant(true), 20),
      blobUrl: rare(fc.constant(true), 20),
      bodyMethod: fc.nat({ max: 3 }),
    },
    { requiredKeys: [] },
  )
  .map((parts) => {
    const shape: Record<string, unknown> = { id: '', group: 'fuzz' };
    for (const [key, value] of Object.entries(parts)) if (value !== undefined) shape[key] = value;
    // A URL given as is replaces the probe URL: the URL-shaped options would not apply to it.
    if (shape['rawUrl'] !== undefined) delete shape['blobUrl'];
    // A body mostly goes with a method that may carry one; GET with a body stays, as one case in four.
    if (shape['body'] !== undefined && shape['method'] === undefined && shape['bodyMethod'] !== 0) shape['method'] = 'POST';
    delete shape['bodyMethod'];
    return shape as unknown as Shape;
  });
