// The response-side conformance matrix: what a server answers (preflight and actual response) crossed with the
// request shapes a page sends. Plain data, written once: the page runs each case in every engine, and Node judges
// the same case with judgeExchange and exposedHeaders for each engine's rules.

/** Header lines in order; a name may repeat (each pair is one line on the wire). */
export type HeaderLines = [string, string][];

/** One server answer. A 3xx carries a Location to a permissive answer on the same server. */
export interface Answer {
  status: number;
  headers: HeaderLines;
}

/** The fetch() call the page makes (the URL is the case's own). */
export interface RequestSpec {
  method?: string;
  credentials?: RequestCredentials;
  headers?: HeaderLines;
}

export interface ResponseCase {
  /** Stable, URL-safe identifier. */
  id: string;
  group: string;
  title: string;
  request: RequestSpec;
  /** The OPTIONS answer; only the preflighted request shapes get one. */
  preflight?: Answer;
  response: Answer;
}

const GET: RequestSpec = {};
const GET_CREDENTIALED: RequestSpec = { credentials: 'include' };
const PUT_CUSTOM: RequestSpec = {
  method: 'PUT',
  headers: [
    ['X-Key', '1'],
    ['X-Other', '2'],
  ],
};
const POST_CUSTOM: RequestSpec = { method: 'POST', headers: [['X-Key', '1']] };
const PUT_AUTHORIZATION: RequestSpec = { method: 'PUT', headers: [['Authorization', 'Bearer t']] };
const PUT_AUTHORIZATION_CUSTOM: RequestSpec = {
  method: 'PUT',
  headers: [
    ['Authorization', 'Bearer t'],
    ['X-Key', '1'],
  ],
};
const PUT_CREDENTIALED: RequestSpec = { method: 'PUT', credentials: 'include', headers: [['X-Key', '1']] };

/** Response headers beyond the CORS ones, to see which the page may read. */
const READABLE_PROBES: HeaderLines = [
  ['Cache-Control', 'no-store'],
  ['Content-Language', 'en'],
  ['Expires', '0'],
  ['Last-Modified', 'Tue, 01 Dec 2026 00:00:00 GMT'],
  ['Pragma', 'no-cache'],
  ['ETag', '"v1"'],
  ['X-Custom', 'c'],
  ['X-Other', 'o'],
  ['Set-Cookie', 'a=1; Path=/'],
];

/** Builds the matrix for a page on `pageOrigin` (the answers that echo the origin need it). */
export function buildResponseCases(pageOrigin: string): ResponseCase[] {
  const cases: ResponseCase[] = [];
  const counters = new Map<string, number>();
  const add = (group: string, title: string, request: RequestSpec, response: Answer, preflight?: Answer): void => {
    const n = (counters.get(group) ?? 0) + 1;
    counters.set(group, n);
    cases.push({
      id: `${group}-${String(n).padStart(2, '0')}`,
      group,
      title,
      request,
      response,
      ...(preflight === undefined ? {} : { preflight }),
    });
  };
  const ok = (headers: HeaderLines, status = 200): Answer => ({ status, headers: [...headers, ['Content-Type', 'text/plain']] });
  const acao = (value: string): HeaderLines => [['Access-Control-Allow-Origin', value]];
  const credentialed: HeaderLines = [
    ['Access-Control-Allow-Origin', pageOrigin],
    ['Access-Control-Allow-Credentials', 'true'],
  ];
  // The actual answer after a passing preflight: allowed for any request shape.
  const permissive = (request: RequestSpec): Answer => ok(request.credentials === 'include' ? credentialed : acao('*'));

  // Access-Control-Allow-Origin on a simple GET and on a credentialed GET.
  const origins: [string, string | null | string[]][] = [
    ['missing', null],
    ['*', '*'],
    ['exact', pageOrigin],
    ['other origin', 'http://127.0.0.1:1'],
    ['two origins in one line', `${pageOrigin}, http://127.0.0.1:1`],
    ['the exact origin twice (two lines)', [pageOrigin, pageOrigin]],
    ['* twice (two lines)', ['*', '*']],
    ['null', 'null'],
    ['trailing slash', `${pageOrigin}/`],
    ['upper-case scheme', pageOrigin.replace('http:', 'HTTP:')],
    ['padded with spaces', `  ${pageOrigin}  `],
    ['* padded with spaces', ' * '],
    ['"*" quoted', '"*"'],
    ['two origins, comma only', `${pageOrigin},${pageOrigin}`],
  ];
  for (const [title, value] of origins) {
    const lines: HeaderLines =
      value === null ? [] : (Array.isArray(value) ? value : [value]).map((v): [string, string] => ['Access-Control-Allow-Origin', v]);
    add('origin', `ACAO ${title}`, GET, ok(lines));
    add('origin-credentialed', `ACAO ${title}, ACAC true`, GET_CREDENTIALED, ok([...lines, ['Access-Control-Allow-Credentials', 'true']]));
  }

  // Access-Control-Allow-Credentials spellings on a credentialed GET (and ignored without credentials).
  const spellings: [string, string[]][] = [
    ['true', ['true']],
    ['TRUE', ['TRUE']],
    ['True', ['True']],
    ['" true " (padded)', [' true ']],
    ['absent', []],
    ['false', ['false']],
    ['"true, true" in one line', ['true, true']],
    ['true twice (two lines)', ['true', 'true']],
    ['1', ['1']],
  ];
  for (const [title, values] of spellings) {
    const lines = values.map((v): [string, string] => ['Access-Control-Allow-Credentials', v]);
    add('credentials', `ACAC ${title}`, GET_CREDENTIALED, ok([...acao(pageOrigin), ...lines]));
  }
  add('credentials', 'ACAO * with ACAC false, no credentials', GET, ok([...acao('*'), ['Access-Control-Allow-Credentials', 'false']]));

  // The actual response's status does not matter to CORS: the page reads a 404 or 500 with the right headers.
  for (const status of [201, 404, 500]) add('status', `actual response ${status} with ACAO *`, GET, ok(acao('*'), status));
  add('status', 'actual response 500 without ACAO', GET, ok([], 500));

  // The preflight's status: 2xx passes, a redirect or an error fails it.
  const goodPreflight = (extra: HeaderLines = []): Answer => ({
    status: 204,
    headers: [...acao('*'), ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'x-key, x-other'], ...extra],
  });
  for (const status of [200, 204, 299, 301, 302, 303, 307, 308, 400, 403, 404, 500, 503]) {
    add('preflight-status', `preflight ${status}`, PUT_CUSTOM, permissive(PUT_CUSTOM), { ...goodPreflight(), status });
  }
  add('preflight-status', 'preflight 200 without ACAO', PUT_CUSTOM, permissive(PUT_CUSTOM), {
    status: 200,
    headers: [
      ['Access-Control-Allow-Methods', 'PUT'],
      ['Access-Control-Allow-Headers', 'x-key, x-other'],
    ],
  });
  add('preflight-status', 'preflight 200, actual answer without ACAO', PUT_CUSTOM, ok([]), goodPreflight());

  // Access-Control-Allow-Methods for a PUT (and a POST, which is safelisted) with custom headers.
  const allowHeaders: [string, string] = ['Access-Control-Allow-Headers', 'x-key, x-other'];
  const methods: (string | null)[] = [
    null,
    'PUT',
    'put',
    'Put',
    'GET, PUT',
    'GET,PUT',
    ' GET , PUT ',
    'GET,,PUT',
    ',PUT,',
    'GET',
    '*',
    'GET, *',
    'GET PUT',
    'PUT GET',
    'PUT, G(ET',
    'PUT, GET;',
    'PUT, "GET"',
    'PUT,',
    '""',
  ];
  for (const value of methods) {
    const lines: HeaderLines = value === null ? [] : [['Access-Control-Allow-Methods', value]];
    add('methods', `ACAM ${value === null ? 'absent' : JSON.stringify(value)} for PUT`, PUT_CUSTOM, permissive(PUT_CUSTOM), {
      status: 204,
      headers: [...acao('*'), allowHeaders, ...lines],
    });
  }
  for (const value of [null, 'GET', 'GET PUT', 'PUT, G(ET', '*']) {
    const lines: HeaderLines = value === null ? [] : [['Access-Control-Allow-Methods', value]];
    add('methods-post', `ACAM ${value === null ? 'absent' : JSON.stringify(value)} for POST`, POST_CUSTOM, permissive(POST_CUSTOM), {
      status: 204,
      headers: [...acao('*'), ['Access-Control-Allow-Headers', 'x-key'], ...lines],
    });
  }
  // Method names compare case-sensitively after normalization (only DELETE GET HEAD OPTIONS POST PUT are upper-cased).
  for (const [method, value] of [
    ['PATCH', 'patch'],
    ['PATCH', 'PATCH'],
    ['patch', 'PATCH'],
    ['patch', 'patch'],
    ['delete', 'delete'],
    ['delete', 'DELETE'],
  ]) {
    const request: RequestSpec = { method: method as string, headers: [['X-Key', '1']] };
    add('methods-case', `${method} with ACAM ${JSON.stringify(value)}`, request, permissive(request), {
      status: 204,
      headers: [...acao('*'), ['Access-Control-Allow-Headers', 'x-key'], ['Access-Control-Allow-Methods', value as string]],
    });
  }
  add('methods', 'ACAM PUT and GET on two lines', PUT_CUSTOM, permissive(PUT_CUSTOM), {
    status: 204,
    headers: [...acao('*'), allowHeaders, ['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Methods', 'PUT']],
  });

  // Access-Control-Allow-Headers for X-Key and X-Other.
  const allowMethods: [string, string] = ['Access-Control-Allow-Methods', 'PUT'];
  const headerLists: (string | null)[] = [
    null,
    'x-key, x-other',
    'X-KEY, X-Other',
    'x-key,x-other',
    ' x-key , x-other ',
    'x-key,,x-other',
    'x-key',
    '*',
    '*, x-key',
    'x-key, x-other, x y',
    'x-key, x y',
    'x-key x-other',
    'x-key, x-other, x(y',
    'x-key, x-other,',
    '',
    'x-key; x-other',
    'x-key, x-other, "x"',
  ];
  for (const value of headerLists) {
    const lines: HeaderLines = value === null ? [] : [['Access-Control-Allow-Headers', value]];
    add('headers', `ACAH ${value === null ? 'absent' : JSON.stringify(value)}`, PUT_CUSTOM, permissive(PUT_CUSTOM), {
      status: 204,
      headers: [...acao('*'), allowMethods, ...lines],
    });
  }
  add('headers', 'ACAH x-key and x-other on two lines', PUT_CUSTOM, permissive(PUT_CUSTOM), {
    status: 204,
    headers: [...acao('*'), allowMethods, ['Access-Control-Allow-Headers', 'x-key'], ['Access-Control-Allow-Headers', 'x-other']],
  });

  // Authorization and the * wildcard (the standard: * never covers it).
  for (const value of ['*', 'authorization', 'Authorization', '*, authorization', 'x-key', 'x-key, *']) {
    add('authorization', `ACAH ${JSON.stringify(value)} for Authorization`, PUT_AUTHORIZATION, permissive(PUT_AUTHORIZATION), {
      status: 204,
      headers: [...acao('*'), allowMethods, ['Access-Control-Allow-Headers', value]],
    });
  }
  for (const value of ['*', '*, authorization', '*, x-key']) {
    add(
      'authorization',
      `ACAH ${JSON.stringify(value)} for Authorization + X-Key`,
      PUT_AUTHORIZATION_CUSTOM,
      permissive(PUT_AUTHORIZATION_CUSTOM),
      { status: 204, headers: [...acao('*'), allowMethods, ['Access-Control-Allow-Headers', value]] },
    );
  }
  add('authorization', 'ACAH "*" and ACAM "*" for Authorization', PUT_AUTHORIZATION, permissive(PUT_AUTHORIZATION), {
    status: 204,
    headers: [...acao('*'), ['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*']],
  });

  // A credentialed preflight: wildcards are literal names, the origin must be exact and ACAC true.
  const credentialedPreflight: [string, HeaderLines][] = [
    ['exact origin, ACAC true, listed', [...credentialed, allowMethods, ['Access-Control-Allow-Headers', 'x-key']]],
    ['ACAO *', [...acao('*'), ['Access-Control-Allow-Credentials', 'true'], allowMethods, ['Access-Control-Allow-Headers', 'x-key']]],
    ['ACAC absent', [...acao(pageOrigin), allowMethods, ['Access-Control-Allow-Headers', 'x-key']]],
    [
      'ACAC TRUE',
      [...acao(pageOrigin), ['Access-Control-Allow-Credentials', 'TRUE'], allowMethods, ['Access-Control-Allow-Headers', 'x-key']],
    ],
    ['ACAM *', [...credentialed, ['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', 'x-key']]],
    ['ACAH *', [...credentialed, allowMethods, ['Access-Control-Allow-Headers', '*']]],
    ['ACAH "*, x-key"', [...credentialed, allowMethods, ['Access-Control-Allow-Headers', '*, x-key']]],
    ['ACAM "*, PUT"', [...credentialed, ['Access-Control-Allow-Methods', '*, PUT'], ['Access-Control-Allow-Headers', 'x-key']]],
    ['ACAH invalid list', [...credentialed, allowMethods, ['Access-Control-Allow-Headers', 'x-key, x y']]],
  ];
  for (const [title, headers] of credentialedPreflight)
    add('preflight-credentialed', title, PUT_CREDENTIALED, permissive(PUT_CREDENTIALED), { status: 204, headers });

  // Access-Control-Expose-Headers: which headers the page reads, with and without credentials.
  const exposes: [string, HeaderLines][] = [
    ['absent', []],
    ['X-Custom', [['Access-Control-Expose-Headers', 'X-Custom']]],
    ['x-custom, x-other', [['Access-Control-Expose-Headers', 'x-custom, x-other']]],
    ['*', [['Access-Control-Expose-Headers', '*']]],
    ['*, x-custom', [['Access-Control-Expose-Headers', '*, x-custom']]],
    ['Set-Cookie, X-Custom', [['Access-Control-Expose-Headers', 'Set-Cookie, X-Custom']]],
    ['ETag', [['Access-Control-Expose-Headers', 'ETag']]],
    [
      'two lines',
      [
        ['Access-Control-Expose-Headers', 'x-custom'],
        ['Access-Control-Expose-Headers', 'x-other'],
      ],
    ],
    ['invalid list "x-custom, x y"', [['Access-Control-Expose-Headers', 'x-custom, x y']]],
    ['"x-custom x-other"', [['Access-Control-Expose-Headers', 'x-custom x-other']]],
    ['empty items ",x-custom,,"', [['Access-Control-Expose-Headers', ',x-custom,,']]],
    ['Access-Control-Allow-Origin', [['Access-Control-Expose-Headers', 'Access-Control-Allow-Origin']]],
  ];
  for (const [title, lines] of exposes) {
    add('expose', `ACEH ${title}`, GET, ok([...acao('*'), ...READABLE_PROBES, ...lines]));
    add('expose-credentialed', `ACEH ${title}, credentialed`, GET_CREDENTIALED, ok([...credentialed, ...READABLE_PROBES, ...lines]));
  }
  add(
    'expose',
    'ACEH * on a preflighted PUT',
    PUT_CUSTOM,
    ok([...acao('*'), ...READABLE_PROBES, ['Access-Control-Expose-Headers', '*']]),
    goodPreflight(),
  );
  add(
    'expose',
    'ACEH X-Custom on a preflighted PUT',
    PUT_CUSTOM,
    ok([...acao('*'), ...READABLE_PROBES, ['Access-Control-Expose-Headers', 'X-Custom']]),
    goodPreflight(),
  );
  return cases;
}
