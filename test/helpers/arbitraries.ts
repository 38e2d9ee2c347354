import fc from 'fast-check';
import { ENGINES, type Engine } from '../../src/cors/index.js';

// The request arbitraries every property and fuzz test draws from: what fetch() takes, including what it refuses.

export const page = 'https://app.example';

export const byteString = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 140 });
export const headerName = fc.oneof(
  fc.constantFrom(
    'Accept',
    'Accept-Language',
    'Content-Language',
    'Content-Type',
    'Range',
    'X-Foo',
    'Authorization',
    'Cookie',
    'DPR',
    'Save-Data',
    'Sec-X',
    'X-HTTP-Method-Override',
  ),
  fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/),
  fc.string({ maxLength: 6 }),
);
export const headerValue = fc.oneof(
  fc.constantFrom('text/plain', 'application/json', 'bytes=0-1', 'en-US', '*/*', 'on', '2', 'TRACE', ''),
  byteString,
  fc.string({ maxLength: 20 }),
);
export const headerList = fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 });
export const method = fc.oneof(
  fc.constantFrom('GET', 'get', 'POST', 'put', 'PATCH', 'patch', 'DELETE', 'OPTIONS', 'CONNECT', 'trace', 'FOO', 'G T', ''),
  fc.string({ maxLength: 8 }),
);
export const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 10 }),
  fc.constant(new URLSearchParams('a=1')),
  fc.constantFrom('', 'text/plain', 'application/json', 'image/png').map((type) => new Blob(['x'], { type })),
  fc.constant(new Uint8Array(4)),
);
export const init = fc.record(
  {
    method,
    headers: fc.oneof(
      headerList,
      headerList.map((list) => Object.fromEntries(list)),
    ),
    body,
    mode: fc.constantFrom('cors', 'no-cors', 'same-origin', 'navigate', 'bogus'),
    credentials: fc.constantFrom('omit', 'same-origin', 'include'),
    cache: fc.constantFrom('default', 'no-store', 'only-if-cached'),
    redirect: fc.constantFrom('follow', 'error', 'manual'),
    keepalive: fc.boolean(),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RequestInit>;
export const url = fc.oneof(
  fc.constantFrom('https://api.example/x', `${page}/same`, '/relative', 'data:,x', 'ftp://x/y', 'https://u:p@api.example/', 'http://[::1'),
  fc.webUrl(),
  fc.string({ maxLength: 12 }),
);
export const engine = fc.constantFrom<Engine>(...ENGINES);
