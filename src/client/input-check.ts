import { predictCors, type CorsPrediction, type Engine, type Reason, type ReasonCode } from '../cors/index.js';
import { RequestInputError } from '../errors/request-input-error.js';

// The reason codes that mean "fetch() throws a TypeError" in every engine: the call is malformed, not merely
// non-simple, so the client refuses it whatever its `cors` mode.
const INPUT_CODES: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'invalid_input',
  'invalid_url',
  'url_has_credentials',
  'invalid_method',
  'forbidden_method',
  'invalid_header_name',
  'invalid_header_value',
  'invalid_mode',
  'invalid_option',
  'body_not_allowed',
  'stream_without_duplex',
]);

function inputProblems(prediction: CorsPrediction): Reason[] {
  return prediction.kind === 'rejected' ? prediction.reasons.filter((reason) => INPUT_CODES.has(reason.code)) : [];
}

type HeaderEntries = [string, string][];

// Read without a Headers object: it is the Headers constructor that throws on the bad names and values we must name.
function headerEntries(init: unknown): HeaderEntries {
  if (init === undefined || init === null || typeof init !== 'object') return [];
  // fetch() takes a record or any iterable of pairs (an array, a Headers, a Map).
  const pairs: unknown[] = Symbol.iterator in init ? [...(init as Iterable<unknown>)] : Object.entries(init);
  return pairs.flatMap((pair): HeaderEntries => (Array.isArray(pair) && pair[1] !== undefined ? [[String(pair[0]), String(pair[1])]] : []));
}

// ky's URL rules, enough to name the target: `prefix` is joined with one slash, then the URL resolves against
// `baseUrl` or the document (none in Node, where ky refuses a relative URL even when the client knows the page origin).
function targetUrl(input: unknown, baseUrl: unknown, prefix: unknown): string | undefined {
  if (input instanceof URL) return input.href;
  if (typeof Request !== 'undefined' && input instanceof Request) return input.url;
  const text = String(input);
  const joined = prefix === undefined ? text : `${String(prefix).replace(/\/+$/, '')}/${text.replace(/^\/+/, '')}`;
  try {
    return new URL(joined, baseUrl === undefined ? globalThis.document?.baseURI : String(baseUrl)).href;
  } catch {
    return undefined;
  }
}

/** The fetch options the rules engine checks for values fetch() refuses. */
const INIT_KEYS = ['mode', 'credentials', 'cache', 'redirect'] as const;

/** What the client knows of a call before ky builds its Request: the call's options (ky's, as given). */
export type CallInput = { method?: string | undefined } & Partial<Record<'headers' | 'body' | 'json' | 'baseUrl' | 'prefix' | (typeof INIT_KEYS)[number], unknown>>;

/**
 * ky builds the Request synchronously, so a malformed call throws the platform's bare TypeError ("invalid header
 * value") before anything is sent. Rebuilds the call as data, lets the rules engine name each problem, and returns
 * a RequestInputError for it — or undefined when the error is not about the call's input (ky's own option checks).
 * `client` holds the client's options: its `baseUrl` and `prefix` apply where the call gives none.
 */
export function refuseMalformedCall(
  error: unknown,
  input: unknown,
  call: CallInput,
  client: CallInput,
  config: { origin: string | undefined; engine: Engine | undefined },
): RequestInputError | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const { method = 'GET', baseUrl = client.baseUrl, prefix = client.prefix } = call;
  const headers = headerEntries(call.headers); // the client's own were checked when it was made
  const url = targetUrl(input, baseUrl, prefix);
  const init: Record<string, unknown> = {};
  for (const key of INIT_KEYS) if (call[key] !== undefined) init[key] = call[key];
  Object.assign(init, { method, headers });
  // Only whether there is a body matters here (a GET with one is malformed), not what it holds.
  const body = call.body ?? (call.json === undefined ? undefined : '');
  if (body !== undefined && body !== null) init['body'] = body;
  // An unresolvable URL goes in as given, with no page origin to resolve it against: the rules report invalid_url.
  const origin = url === undefined ? undefined : config.origin;
  const prediction = predictCors(url ?? String(input), init as RequestInit, { origin, engine: config.engine });
  const problems = inputProblems(prediction);
  return problems.length === 0 ? undefined : new RequestInputError(prediction, problems, { cause: error });
}

/** The client's own `headers` option, checked when the client is made: a TypeError naming the option and the header. */
export function checkHeadersOption(headers: unknown): void {
  // Any absolute URL will do: only the header list is judged.
  const problem = inputProblems(predictCors('https://crosswise.invalid/', { headers: headerEntries(headers) }))[0];
  if (problem !== undefined) throw new TypeError(`\`headers\`: ${problem.message}`);
}
