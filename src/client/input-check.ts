import { predictCors, refusedByRequestConstructor, type CorsPrediction, type Engine, type Reason } from '../cors/index.js';
import { RequestInputError } from '../errors/request-input-error.js';
import { kyTargetUrl } from './ky-contract.js';

// A call is refused before anything is sent, whatever the client's `cors` mode, when the Request constructor throws
// for it (the call is malformed) or when fetch() refuses it whatever the server says: a keepalive body over the budget.
function inputProblems(prediction: CorsPrediction): Reason[] {
  if (prediction.kind !== 'rejected') return [];
  return prediction.reasons.filter((reason) => refusedByRequestConstructor(reason) || reason.code === 'keepalive_body_too_large');
}

/**
 * ky's `headers` as fetch() would get them: ky unsets a header given as `undefined`. The rest is fetch()'s HeadersInit,
 * which the rules engine reads as the Headers constructor does (request-shape.ts), without throwing on what it must name.
 */
function kyHeaders(init: unknown): unknown {
  if (init === null || typeof init !== 'object' || Symbol.iterator in init) return init;
  const record = init as Record<string, unknown>;
  if (!Object.values(record).includes(undefined)) return init;
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** The fetch options the rules engine checks for values fetch() refuses. */
const INIT_KEYS = ['mode', 'credentials', 'cache', 'redirect', 'priority', 'referrerPolicy', 'referrer', 'keepalive', 'window'] as const;

// The options a platform may let through although every browser refuses them: Node's fetch takes any `priority` and
// enforces no keepalive budget, and a Request object hides both, so the transport's prediction cannot see them either.
const UNCHECKED_BY_SOME_PLATFORMS = ['priority', 'referrerPolicy', 'referrer', 'window', 'keepalive'] as const;

/** What the client knows of a call before ky builds its Request: the call's options (ky's, as given). */
export type CallInput = { method?: string | undefined } & Partial<
  Record<'headers' | 'body' | 'json' | 'baseUrl' | 'prefix' | (typeof INIT_KEYS)[number], unknown>
>;

type ClientConfig = { origin: string | undefined; engine: Engine | undefined };

/** The body as fetch() would get it: ky serializes `json` with JSON.stringify (its default). Undefined when that fails: ky then throws its own error. */
function bodyContent(call: CallInput): unknown {
  if (call.body !== undefined || call.json === undefined) return call.body;
  try {
    return JSON.stringify(call.json);
  } catch {
    return undefined;
  }
}

/**
 * Rebuilds the call as fetch() arguments and predicts it. `body: 'presence'` stands for any body with an empty string:
 * only whether there is one matters to the constructor's checks; `'content'` keeps its size (the keepalive budget).
 */
function predictCall(
  input: unknown,
  call: CallInput,
  client: CallInput,
  config: ClientConfig,
  body: 'presence' | 'content',
): CorsPrediction {
  const { method = 'GET', baseUrl = client.baseUrl, prefix = client.prefix } = call;
  const headers = kyHeaders(call.headers) ?? []; // the client's own were checked when it was made
  const url = kyTargetUrl(input, baseUrl, prefix); // where ky will send it
  const init: Record<string, unknown> = {};
  for (const key of INIT_KEYS) {
    const value = call[key] ?? client[key];
    if (value !== undefined) init[key] = value;
  }
  Object.assign(init, { method, headers });
  const given = body === 'content' ? bodyContent(call) : (call.body ?? (call.json === undefined ? undefined : ''));
  if (given !== undefined && given !== null) init['body'] = given;
  // An unresolvable URL goes in as given, with no page origin to resolve it against: the rules report invalid_url.
  const origin = url === undefined ? undefined : config.origin;
  return predictCors(url ?? String(input), init as RequestInit, { origin, engine: config.engine });
}

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
  config: ClientConfig,
): RequestInputError | undefined {
  if (!(error instanceof TypeError)) return undefined;
  const prediction = predictCall(input, call, client, config, 'presence');
  const problems = inputProblems(prediction);
  return problems.length === 0 ? undefined : new RequestInputError(prediction, problems, { cause: error });
}

/** Whether `options` sets one of the options some platforms let through unchecked: only then is there anything to refuse early. */
export function setsUncheckedOption(options: CallInput | undefined): boolean {
  return options !== undefined && UNCHECKED_BY_SOME_PLATFORMS.some((key) => options[key] !== undefined);
}

/**
 * The refusals a platform may not make itself (see UNCHECKED_BY_SOME_PLATFORMS), checked before ky builds the
 * Request: a RequestInputError, or undefined. Costs nothing on a call that sets none of those options.
 */
export function refuseBeforeBuilding(
  input: unknown,
  call: CallInput,
  client: CallInput,
  config: ClientConfig,
): RequestInputError | undefined {
  if (!setsUncheckedOption(call) && !setsUncheckedOption(client)) return undefined;
  const prediction = predictCall(input, call, client, config, 'content');
  const problems = inputProblems(prediction);
  return problems.length === 0 ? undefined : new RequestInputError(prediction, problems);
}

/** The client's own `headers` option, checked when the client is made: a TypeError naming the option and the header. */
export function checkHeadersOption(headers: unknown): void {
  // Any absolute URL will do: only the header list is judged.
  const problem = inputProblems(predictCors('https://crosswise.invalid/', { headers: (kyHeaders(headers) ?? []) as HeadersInit }))[0];
  if (problem !== undefined) throw new TypeError(`\`headers\`: ${problem.message}`);
}
