import type { BodySpec, HeaderForm, Shape } from './fetch-args.js';

// The conformance matrix: one module, every rule and its edges, run by each runner (Node prediction, Chromium,
// Firefox, WebKit). Shapes are plain data so they cross into the page as JSON.

type Entries = [string, string][];
type Extra = Omit<Shape, 'id' | 'group' | 'title'>;

const UNSAFE_BYTES = ['"', '(', ')', ':', '<', '>', '?', '@', '[', '\\', ']', '{', '}', '\x7f', '\x01', '\x1f'];
const FORBIDDEN = [
  'Accept-Charset',
  'Accept-Encoding',
  'Access-Control-Request-Headers',
  'Access-Control-Request-Method',
  'Connection',
  'Content-Length',
  'Cookie',
  'Cookie2',
  'Date',
  'DNT',
  'Expect',
  'Host',
  'Keep-Alive',
  'Origin',
  'Referer',
  'Set-Cookie',
  'TE',
  'Trailer',
  'Transfer-Encoding',
  'Upgrade',
  'Via',
  'Proxy-Authorization',
  'Proxy-Foo',
  'Sec-Foo',
  'Sec-Fetch-Mode',
  'Sec-CH-UA',
  'User-Agent',
];

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

export function buildShapes(): Shape[] {
  const shapes: Shape[] = [];
  const counters = new Map<string, number>();
  const add = (group: string, title: string, extra: Extra): void => {
    const n = (counters.get(group) ?? 0) + 1;
    counters.set(group, n);
    shapes.push({ id: `${group}-${String(n).padStart(3, '0')}`, group, title, ...extra });
  };
  const headers = (entries: Entries, form: HeaderForm = 'record'): NonNullable<Extra['headers']> => ({ form, entries });
  const header = (group: string, name: string, value: string, extra: Extra = {}): void =>
    add(group, `${name}: ${JSON.stringify(value)}`, { headers: headers([[name, value]]), ...extra });

  // Methods: normalization upper-cases only six names; three are forbidden; anything else is preflighted.
  for (const method of [
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
    'get',
    'head',
    'post',
    'put',
    'delete',
    'patch',
    'options',
    'Post',
    'pAtCh',
    'FOO',
    'foo',
    'M-SEARCH',
    'PROPFIND',
    'QUERY',
    'CONNECT',
    'connect',
    'TRACE',
    'trace',
    'TRACK',
    'Track',
    'GE T',
    'GET\n',
    'G(ET',
    '',
  ]) {
    add('method', `method ${JSON.stringify(method)}`, { method });
  }

  // The safelisted names with ordinary values stay simple.
  for (const [name, value] of [
    ['Accept', '*/*'],
    ['Accept', 'application/json'],
    ['Accept', 'text/html, application/xhtml+xml;q=0.9'],
    ['Accept-Language', 'en-US,en;q=0.9'],
    ['Accept-Language', ''],
    ['Content-Language', 'de-DE'],
    ['Content-Language', 'mi, en'],
    ['Range', 'bytes=0-10'],
  ] as Entries) {
    header('safelisted', name, value);
  }

  // Accept: the CORS-unsafe bytes, non-ASCII bytes, tab, and the 128-byte limit.
  for (const byte of UNSAFE_BYTES) header('accept-byte', 'Accept', `text/${byte}x`);
  for (const value of [
    'text/\x09x',
    'text/é',
    'text/\xff',
    'text/\x80',
    `${'a'.repeat(128)}`,
    `${'a'.repeat(129)}`,
    `  ${'a'.repeat(128)}  `,
    'a,b;c=d/e*',
    '%',
  ]) {
    header('accept-value', 'Accept', value);
  }

  // Accept-Language and Content-Language: a narrow byte set.
  for (const name of ['Accept-Language', 'Content-Language']) {
    for (const value of ['en_US', 'en/US', 'en!', 'é', 'en\tUS', "en'", 'a'.repeat(128), 'a'.repeat(129), '*;q=0.5', 'x=1.2-3']) {
      header('language', name, value);
    }
  }

  // Content-Type: MIME parsing to its essence, unsafe bytes, parameters, the length limit.
  for (const value of [
    'text/plain',
    'TEXT/PLAIN',
    'Text/Plain;Charset=UTF-8',
    'text/plain;charset=utf-8',
    'text/plain; charset="utf-8"',
    'text/plain ;x=y',
    'text/plain;',
    'text/plain; ',
    'text /plain',
    'text/ plain',
    'text/plain,application/json',
    'application/json',
    'application/json; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=abc',
    'text/html',
    'text',
    'text/',
    '/plain',
    'text/plain\t',
    'text/plain\tx',
    'text/plain;charset=é',
    `text/plain;${'s'.repeat(117)}`,
    `text/plain;${'s'.repeat(118)}`,
    'text/plain; a=(b)',
    'text/plain;a=b;c',
    'text/plain/x',
    'application/csp-report',
    'text/plain;charset=utf-8;x="y"',
    'application/x-www-form-urlencoded;charset=UTF-8',
    'text/*',
    '*/*',
  ]) {
    header('content-type', 'Content-Type', value, { method: 'POST', body: { kind: 'string', value: 'x' } });
  }

  // Content-Type parameter edge cases, measured in Firefox 153.8 ESR, Chromium 156 and WebKitGTK 2.50.6: Firefox's own
  // request parser (engine-quirks.ts) fails on any `,` and on a `;` ending the value after an earlier parameter.
  for (const value of [
    'text/plain;;',
    'text/plain; ;',
    'text/plain;;;',
    'text/plain; ; ;',
    'text/plain;;charset=utf-8',
    'text/plain; ;charset=utf-8',
    'text/plain;charset=utf-8;',
    'text/plain;charset=utf-8;;',
    'text/plain;charset=utf-8 ;',
    'text/plain;a=b;',
    'text/plain;=;',
    'Text/Plain;A=B;',
    'text/plain; =x',
    'text/plain;=x',
    'text/plain;=',
    'text/plain;a',
    'text/plain;a=',
    'text/plain;a;b=c',
    'text/plain;charset',
    'text/plain;charset=',
    'text/plain;charset="',
    'text/plain;charset="utf-8',
    'text/plain ;',
    'text/plain\t;',
    'text/plain ; charset=utf-8',
    'text/plain;charset=utf-8;charset=iso-8859-1',
    'text/plain;CHARSET=UTF-8',
    'TEXT/PLAIN;',
    'text/plain; charset = utf-8',
    'text/plain;a=b c',
    'text/plain;a b=c',
    'text/plain;,',
    'text/plain,',
    'text/plain;a=b,c',
    'text/plain;a=1;a=2',
    'text/plain;%',
    'text/plain;a=b;;c=d',
    'text/plain;a==b',
    'text/plain;\ta=b',
    'text/plain;x=y;=z',
    'application/x-www-form-urlencoded;',
    'application/x-www-form-urlencoded;a=b;',
    'multipart/form-data;',
    'multipart/form-data;boundary',
    "text/plain;a='b;c'",
  ]) {
    header('content-type-params', 'Content-Type', value, { method: 'POST', body: { kind: 'string', value: 'x' } });
  }
  add('content-type-params', 'Blob "text/plain;a=b;"', { method: 'POST', body: { kind: 'blob', type: 'text/plain;a=b;', value: 'x' } });
  add('content-type-params', 'no-cors Content-Type "text/plain;a=b;" (dropped by Firefox)', {
    mode: 'no-cors',
    method: 'POST',
    body: { kind: 'string', value: 'x' },
    headers: headers([['Content-Type', 'text/plain;a=b;']]),
  });

  // Range: simple range header values and everything around them.
  for (const value of [
    'bytes=0-',
    'bytes=0-10',
    'bytes=5-5',
    'bytes=10-0',
    'bytes=-5',
    'Bytes=0-1',
    'BYTES=0-1',
    'bytes=0-1,2-3',
    'bytes=0-1,',
    'bytes= 0-1',
    'bytes =0-1',
    'bytes=0 -1',
    'bytes=00-01',
    'bytes=a-b',
    'items=0-1',
    'bytes=',
    'bytes=-',
    'bytes=99999999999999999999-',
    'bytes=1-99999999999999999999',
    'bytes=0-1 ',
    'bytes=+1-2',
    'bytes=0-+1',
    'bytes=+0-',
    'bytes=9223372036854775807-',
    'bytes=9223372036854775808-',
    'bytes=18446744073709551615-',
    'bytes=18446744073709551616-',
    'bytes=0-9223372036854775807',
    'bytes=0-9223372036854775808',
    'bytes=0-18446744073709551616',
    'bytes=2147483648-',
    'bytes=4294967296-',
    'bytes=9007199254740993-',
    'bytes=999999999999999999-',
    'bytes=1000000000000000000-',
    'bytes=0-999999999999999999',
    'bytes=0-1000000000000000000',
    'bytes=9223372036854775806-',
    'bytes=9223372036854775806-9223372036854775806',
  ]) {
    header('range', 'Range', value);
  }

  // Names outside the standard's safelist, some of which an engine safelists with its own value rules.
  for (const [name, value] of [
    ['X-Foo', 'bar'],
    ['Authorization', 'Bearer t'],
    ['Cache-Control', 'no-cache'],
    ['Pragma', 'no-cache'],
    ['If-None-Match', '"abc"'],
    ['If-Modified-Since', 'Wed, 21 Oct 2015 07:28:00 GMT'],
    ['Content-Encoding', 'gzip'],
    ['X-Requested-With', 'XMLHttpRequest'],
    ['Last-Event-ID', '1'],
    ['Priority', 'u=1'],
    ['Upgrade-Insecure-Requests', '1'],
    ['Content-Disposition', 'inline'],
    ['DPR', '2'],
    ['DPR', '2.5'],
    ['DPR', 'x'],
    ['Device-Memory', '8'],
    ['Device-Memory', '0.5'],
    ['Device-Memory', '.5'],
    ['Width', '100'],
    ['Width', '1.5'],
    ['Viewport-Width', '1024'],
    ['Viewport-Width', 'wide'],
    ['Save-Data', 'on'],
    ['Save-Data', 'ON'],
    ['Save-Data', 'off'],
    ['RTT', '50'],
    ['RTT', '5.5'],
    ['Downlink', '1.5'],
    ['Downlink', 'fast'],
    ['ECT', '4g'],
    ['ECT', '5g'],
    ['ECT', 'slow-2g'],
    ['Intervention', 'anything'],
    ['Accept-CH', 'DPR'],
    ['X-Foo', 'é'],
    ['X-Foo', ''],
    ['x-foo', 'lower'],
    ['X-FOO', 'upper'],
  ] as Entries) {
    header('other-name', name, value);
  }

  // Forbidden request-headers vanish: alone the call stays simple; beside X-Foo, only x-foo is listed.
  for (const name of FORBIDDEN) {
    header('forbidden', name, 'v');
    add('forbidden-mixed', `${name} beside X-Foo`, {
      headers: headers([
        [name, 'v'],
        ['X-Foo', 'bar'],
      ]),
    });
  }
  for (const [name, value] of [
    ['X-HTTP-Method-Override', 'TRACE'],
    ['X-HTTP-Method-Override', 'PUT'],
    ['X-HTTP-Method-Override', 'GET, CONNECT'],
    ['X-HTTP-Method', 'connect'],
    ['X-Method-Override', 'track'],
    ['X-Method-Override', 'PATCH'],
  ] as Entries) {
    header('method-override', name, value);
  }

  // Invalid names and values make fetch throw; whitespace around values is trimmed first.
  for (const [name, value] of [
    ['X Foo', 'v'],
    ['X:Foo', 'v'],
    ['X-Foo\n', 'v'],
    ['X-Foo', 'a\x00b'],
    ['X-Foo', 'a\rb'],
    ['X-Foo', 'a\nb'],
    ['X-Foo', '€'],
    ['Accept', '€'],
    ['X-Foo', ' \t padded \t '],
    ['Accept', '\t*/*\n'],
    ['X-Fo(o', 'v'],
    ['X-Føo', 'v'],
  ] as Entries) {
    header('header-syntax', name, value);
  }

  // Repeated headers: each entry or the combined value; and the 1024-byte total of safelisted values.
  const hundred = (c: string): string => `${c}${'a'.repeat(99)}`;
  const repeated: [string, Entries][] = [
    [
      'two X-A',
      [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
    ],
    [
      'X-A, X-B, x-a',
      [
        ['X-A', '1'],
        ['X-B', '2'],
        ['x-a', '3'],
      ],
    ],
    [
      'Accept safe then unsafe',
      [
        ['Accept', 'text/plain'],
        ['Accept', 'a(b'],
      ],
    ],
    [
      'Accept twice',
      [
        ['Accept', 'text/plain'],
        ['Accept', 'text/html'],
      ],
    ],
    [
      'Accept twice, 100 bytes each',
      [
        ['Accept', hundred('b')],
        ['Accept', hundred('c')],
      ],
    ],
    [
      'Accept-Language twice, 100 bytes each',
      [
        ['Accept-Language', hundred('d')],
        ['Accept-Language', hundred('e')],
      ],
    ],
    [
      'Content-Type twice',
      [
        ['Content-Type', 'text/plain'],
        ['Content-Type', 'text/plain'],
      ],
    ],
    [
      'Content-Type plain then html',
      [
        ['Content-Type', 'text/plain'],
        ['Content-Type', 'text/html'],
      ],
    ],
    [
      'Range twice',
      [
        ['Range', 'bytes=0-1'],
        ['Range', 'bytes=2-3'],
      ],
    ],
    ['Accept 9 x 120 bytes', Array.from({ length: 9 }, (_, i): [string, string] => ['Accept', `${i}${'a'.repeat(119)}`])],
    ['Accept 8 x 128 bytes', Array.from({ length: 8 }, (_, i): [string, string] => ['Accept', `${i}${'a'.repeat(127)}`])],
    [
      'Accept 8 x 128 + Accept-Language 1 byte',
      [...Array.from({ length: 8 }, (_, i): [string, string] => ['Accept', `${i}${'a'.repeat(127)}`]), ['Accept-Language', 'x']],
    ],
    [
      '5 names x 128 bytes',
      [
        ['Accept', 'a'.repeat(128)],
        ['Accept-Language', 'b'.repeat(128)],
        ['Content-Language', 'c'.repeat(128)],
        ['Content-Type', `text/plain;${'d'.repeat(117)}`],
        ['Range', `bytes=0-${'1'.repeat(122)}`],
      ],
    ],
    [
      '1024 exactly then X-Foo',
      [...Array.from({ length: 8 }, (_, i): [string, string] => ['Accept', `${i}${'a'.repeat(127)}`]), ['X-Foo', 'y']],
    ],
  ];
  for (const [title, entries] of repeated) {
    for (const form of ['array', 'headers'] as const) {
      add('repeated', `${title} (${form})`, { headers: headers(entries, form), method: 'POST', body: { kind: 'string', value: 'x' } });
    }
  }
  add('repeated', 'record with X-A and x-a keys', {
    headers: headers(
      [
        ['X-A', '1'],
        ['x-a', '2'],
      ],
      'record',
    ),
  });

  // Bodies: the Content-Type each implies, streams, and bodies where none is allowed.
  const bodies: [string, BodySpec][] = [
    ['string', { kind: 'string', value: 'hello' }],
    ['URLSearchParams', { kind: 'urlsearchparams', value: 'a=1&b=2' }],
    ['FormData', { kind: 'formdata', fields: [['a', '1']] }],
    ['ArrayBuffer', { kind: 'arraybuffer', size: 8 }],
    ['Uint8Array', { kind: 'uint8array', size: 8 }],
    ['stream with duplex', { kind: 'stream', duplex: 'half' }],
    ['stream without duplex', { kind: 'stream', duplex: null }],
  ];
  for (const type of [
    '',
    'text/plain',
    'application/json',
    'TEXT/PLAIN',
    'text/plain;charset=utf-8',
    'application/x-www-form-urlencoded',
    'image/png',
    'multipart/form-data',
    'text/plain; charset="x"',
    'text/plainÿ',
    'application/octet-stream',
    'text/csv',
    `text/plain;${'p'.repeat(130)}`,
  ]) {
    bodies.push([`Blob ${JSON.stringify(type)}`, { kind: 'blob', type, value: 'x' }]);
  }
  for (const [title, body] of bodies) {
    for (const method of ['POST', 'PUT']) add('body', `${method} ${title}`, { method, body });
  }
  for (const method of ['GET', 'HEAD']) add('body', `${method} with a string body`, { method, body: { kind: 'string', value: 'x' } });
  add('body', 'string body + Content-Type application/json', {
    method: 'POST',
    body: { kind: 'string', value: '{}' },
    headers: headers([['Content-Type', 'application/json']]),
  });
  add('body', 'Blob application/json + Content-Type text/plain', {
    method: 'POST',
    body: { kind: 'blob', type: 'application/json', value: '{}' },
    headers: headers([['Content-Type', 'text/plain']]),
  });
  add('body', 'FormData + Content-Type multipart/form-data', {
    method: 'POST',
    body: { kind: 'formdata', fields: [['a', '1']] },
    headers: headers([['Content-Type', 'multipart/form-data']]),
  });
  add('body', 'URLSearchParams + Accept-Language', {
    method: 'POST',
    body: { kind: 'urlsearchparams', value: 'a=1' },
    headers: headers([['Accept-Language', 'en']]),
  });

  // Modes: no-cors filters headers and refuses methods; same-origin refuses other origins.
  add('mode', 'no-cors GET', { mode: 'no-cors' });
  add('mode', 'no-cors GET + X-Foo', { mode: 'no-cors', headers: headers([['X-Foo', 'bar']]) });
  add('mode', 'no-cors GET + Range', { mode: 'no-cors', headers: headers([['Range', 'bytes=0-1']]) });
  add('mode', 'no-cors POST Content-Type application/json', {
    mode: 'no-cors',
    method: 'POST',
    body: { kind: 'string', value: '{}' },
    headers: headers([['Content-Type', 'application/json']]),
  });
  add('mode', 'no-cors POST Blob application/json', {
    mode: 'no-cors',
    method: 'POST',
    body: { kind: 'blob', type: 'application/json', value: '{}' },
  });
  add('mode', 'no-cors POST FormData', { mode: 'no-cors', method: 'POST', body: { kind: 'formdata', fields: [['a', '1']] } });
  add('mode', 'no-cors PUT', { mode: 'no-cors', method: 'PUT' });
  add('mode', 'no-cors patch', { mode: 'no-cors', method: 'patch' });
  add('mode', 'no-cors HEAD', { mode: 'no-cors', method: 'HEAD' });
  add('mode', 'no-cors redirect error', { mode: 'no-cors', redirect: 'error' });
  add('mode', 'no-cors redirect manual', { mode: 'no-cors', redirect: 'manual' });
  add('mode', 'no-cors stream body', { mode: 'no-cors', method: 'POST', body: { kind: 'stream', duplex: 'half' } });
  add('mode', 'no-cors Accept twice 100 bytes', {
    mode: 'no-cors',
    headers: headers(
      [
        ['Accept', hundred('f')],
        ['Accept', hundred('g')],
      ],
      'array',
    ),
  });
  add('mode', 'same-origin mode, other origin', { mode: 'same-origin' });
  add('mode', 'same-origin mode, own origin', { mode: 'same-origin', sameOrigin: true });
  add('mode', 'cors mode, explicit', { mode: 'cors' });
  add('mode', 'cors mode + X-Foo', { mode: 'cors', headers: headers([['X-Foo', 'bar']]) });

  // Credentials, cache, redirect, referrer policy: none decides the preflight by the standard.
  for (const credentials of ['omit', 'same-origin', 'include'] as const) {
    add('credentials', `${credentials} simple`, { credentials });
    add('credentials', `${credentials} + X-Foo`, { credentials, headers: headers([['X-Foo', 'bar']]) });
    add('credentials', `${credentials} PUT`, { credentials, method: 'PUT' });
  }
  for (const cache of ['no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'] as const) {
    add('cache', `cache ${cache}`, { cache });
    add('cache', `cache ${cache} + X-Foo`, { cache, headers: headers([['X-Foo', 'bar']]) });
  }
  add('cache', 'only-if-cached + same-origin mode', { cache: 'only-if-cached', mode: 'same-origin', sameOrigin: true });
  for (const redirect of ['error', 'manual'] as const) {
    add('redirect', `redirect ${redirect}`, { redirect });
    add('redirect', `redirect ${redirect} PUT`, { redirect, method: 'PUT' });
  }
  for (const referrerPolicy of ['no-referrer', 'unsafe-url', 'origin'] as const)
    add('referrer', `referrerPolicy ${referrerPolicy}`, { referrerPolicy });

  // keepalive: the 64 KiB budget, streams, and preflighted keepalive calls.
  add('keepalive', 'GET', { keepalive: true });
  add('keepalive', 'POST string', { keepalive: true, method: 'POST', body: { kind: 'string', value: 'x' } });
  add('keepalive', 'POST + X-Foo', {
    keepalive: true,
    method: 'POST',
    body: { kind: 'string', value: 'x' },
    headers: headers([['X-Foo', 'bar']]),
  });
  add('keepalive', 'PUT', { keepalive: true, method: 'PUT' });
  add('keepalive', 'POST JSON content type', {
    keepalive: true,
    method: 'POST',
    body: { kind: 'string', value: '{}' },
    headers: headers([['Content-Type', 'application/json']]),
  });
  for (const size of [60000, 65000, 65100, 65200, 65300, 65400, 65500, 65535])
    add('keepalive', `POST ${size} bytes`, { keepalive: true, method: 'POST', body: { kind: 'arraybuffer', size } });
  add('keepalive', 'POST 65536 bytes', { keepalive: true, method: 'POST', body: { kind: 'arraybuffer', size: 65536 } });
  add('keepalive', 'POST 65537 bytes', { keepalive: true, method: 'POST', body: { kind: 'arraybuffer', size: 65537 } });
  add('keepalive', 'POST stream', { keepalive: true, method: 'POST', body: { kind: 'stream', duplex: 'half' } });

  // Arguments the Request constructor refuses (WebIDL conversions, window, referrer, locked streams) and blob: URLs fetch() refuses.
  for (const place of ['input', 'method', 'body', 'header-key', 'header-value', 'referrer'] as const)
    add('arguments', `a Symbol as ${place}`, { symbol: place });
  add('arguments', 'window: {}', { windowObject: true });
  add('arguments', 'window: {} + X-Foo', { windowObject: true, headers: headers([['X-Foo', 'bar']]) });
  for (const referrer of ['http://[', 'https://[::1', '', '/relative', 'https://elsewhere.example/', 'about:client'])
    add('arguments', `referrer ${JSON.stringify(referrer)}`, { referrer });
  add('arguments', 'referrer "http://[" + PUT', { referrer: 'http://[', method: 'PUT' });
  add('arguments', 'locked stream body', { method: 'POST', body: { kind: 'stream', duplex: 'half', locked: true } });
  add('arguments', 'locked stream body without duplex', { method: 'POST', body: { kind: 'stream', duplex: null, locked: true } });
  add('arguments', 'blob: URL of the page, PUT', { blobUrl: true, sameOrigin: true, method: 'PUT' });
  add('arguments', 'blob: URL of the page, POST', {
    blobUrl: true,
    sameOrigin: true,
    method: 'POST',
    body: { kind: 'string', value: 'x' },
  });
  add('arguments', 'blob: URL of the page, HEAD', { blobUrl: true, sameOrigin: true, method: 'HEAD' });
  add('arguments', 'blob: URL of another origin', { blobUrl: true });
  add('arguments', 'blob: URL of another origin, no-cors', { blobUrl: true, mode: 'no-cors' });
  add('arguments', 'blob: URL, TRACE', { blobUrl: true, method: 'TRACE' });

  // Same-origin targets: no CORS whatever the method and headers.
  add('same-origin', 'GET', { sameOrigin: true });
  add('same-origin', 'PUT + X-Foo', { sameOrigin: true, method: 'PUT', headers: headers([['X-Foo', 'bar']]) });
  add('same-origin', 'POST JSON', {
    sameOrigin: true,
    method: 'POST',
    body: { kind: 'string', value: '{}' },
    headers: headers([['Content-Type', 'application/json']]),
  });
  add('same-origin', 'patch', { sameOrigin: true, method: 'patch' });
  add('same-origin', 'TRACE', { sameOrigin: true, method: 'TRACE' });
  add('same-origin', 'stream', { sameOrigin: true, method: 'POST', body: { kind: 'stream', duplex: 'half' } });

  // Input forms: a Request object, a URL object, the three header forms, credentials in the URL.
  add('input', 'Request GET', { asRequest: true });
  add('input', 'Request + X-Foo', { asRequest: true, headers: headers([['X-Foo', 'bar']]) });
  add('input', 'Request PUT', { asRequest: true, method: 'PUT' });
  add('input', 'Request POST Blob application/json', {
    asRequest: true,
    method: 'POST',
    body: { kind: 'blob', type: 'application/json', value: '{}' },
  });
  add('input', 'Request POST string', { asRequest: true, method: 'POST', body: { kind: 'string', value: 'x' } });
  add('input', 'Request no-cors + X-Foo', { asRequest: true, mode: 'no-cors', headers: headers([['X-Foo', 'bar']]) });
  add('input', 'URL object + X-Foo', { asUrlObject: true, headers: headers([['X-Foo', 'bar']]) });
  add('input', 'URL with credentials', { urlCredentials: true });
  for (const form of ['record', 'array', 'headers'] as const) {
    add('input', `${form}: X-B, X-A, Accept`, {
      headers: headers(
        [
          ['X-B', '1'],
          ['X-A', '2'],
          ['Accept', 'text/plain'],
        ],
        form,
      ),
    });
    add('input', `${form}: Cookie, Content-Type json`, {
      method: 'POST',
      body: { kind: 'string', value: '{}' },
      headers: headers(
        [
          ['Cookie', 'a=1'],
          ['Content-Type', 'application/json'],
        ],
        form,
      ),
    });
  }

  // Combinations: several causes at once, listed sorted and unique.
  add('combo', 'PUT + Authorization + X-Foo + JSON', {
    method: 'PUT',
    body: { kind: 'string', value: '{}' },
    headers: headers([
      ['X-Foo', 'a'],
      ['Authorization', 'b'],
      ['Content-Type', 'application/json'],
    ]),
  });
  add('combo', 'DELETE + Accept unsafe + Range suffix', {
    method: 'DELETE',
    headers: headers([
      ['Accept', 'a(b)'],
      ['Range', 'bytes=-1'],
    ]),
  });
  add('combo', 'PATCH + Content-Language bad + Cookie', {
    method: 'PATCH',
    body: { kind: 'string', value: 'x' },
    headers: headers([
      ['Content-Language', 'en_US'],
      ['Cookie', 'c=1'],
    ]),
  });
  add('combo', 'GET + 3 custom headers', {
    headers: headers([
      ['X-C', '1'],
      ['X-A', '2'],
      ['X-B', '3'],
    ]),
  });
  for (let i = 0; i < 4; i++) {
    add('combo', `POST + ${i} safelisted + X-Z`, {
      method: 'POST',
      body: { kind: 'string', value: 'x' },
      headers: headers([
        ...['Accept', 'Accept-Language', 'Content-Language', 'Content-Type']
          .slice(0, i)
          .map((n): [string, string] => [n, n === 'Content-Type' ? 'text/plain' : 'en']),
        ['X-Z', hex(i)],
      ]),
    });
  }
  return shapes;
}
