import type { CheckFailureData } from './check-text.js';
import { isToken } from './methods.js';
import { readOrigin } from './origin.js';
import { ENGINES, type CorsPrediction, type Engine } from './types.js';

// What a page tells the dev probe about a call that failed, so that a server-side replay can send the preflight the
// browser sent. Names only: header values (tokens, API keys) and cookies never leave the page.

/** The call a page describes to the dev probe. */
export interface ProbeRequest {
  /** The absolute http(s) URL the call went to. */
  url: string;
  /** The method as sent (upper case for the six normalized ones). */
  method: string;
  /** The names the browser put in Access-Control-Request-Headers: lower case, sorted. */
  unsafeHeaders: string[];
  /** The call's credentials mode: the replay sends no cookies, but the checks judge the answer for this mode. */
  credentials: RequestCredentials;
  /** The page's origin. */
  origin: string;
  /** True when the browser sent a preflight. */
  preflight: boolean;
  /** The engine whose checks apply. */
  engine: Engine;
}

const CREDENTIALS: ReadonlySet<string> = new Set(['omit', 'same-origin', 'include']);
const MAX_HEADERS = 64;

/** The probe request for a prediction: only the parts a replay needs, no header values. */
export function toProbeRequest(prediction: CorsPrediction): ProbeRequest {
  return {
    url: prediction.url ?? '',
    method: prediction.method,
    unsafeHeaders: prediction.unsafeHeaders,
    credentials: prediction.credentials,
    origin: prediction.origin ?? 'null',
    preflight: prediction.preflight,
    engine: prediction.engine,
  };
}

/** Checks a probe request read from JSON; returns it, or a sentence naming the first field that is wrong. */
export function parseProbeRequest(value: unknown): ProbeRequest | string {
  if (typeof value !== 'object' || value === null) return 'the body must be a JSON object';
  const body = value as Record<string, unknown>;
  const { url, method, unsafeHeaders, credentials, origin, preflight, engine } = body;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || readOrigin(url) === null) return '`url` must be an absolute http(s) URL';
  if (typeof method !== 'string' || !isToken(method)) return '`method` must be an HTTP method token';
  if (
    !Array.isArray(unsafeHeaders) ||
    unsafeHeaders.length > MAX_HEADERS ||
    unsafeHeaders.some((name) => typeof name !== 'string' || !isToken(name))
  ) {
    return `\`unsafeHeaders\` must be at most ${MAX_HEADERS} header names`;
  }
  if (typeof credentials !== 'string' || !CREDENTIALS.has(credentials)) return "`credentials` must be 'omit', 'same-origin' or 'include'";
  if (typeof origin !== 'string' || (origin !== 'null' && readOrigin(origin) !== origin))
    return '`origin` must be a serialized origin such as http://localhost:5173';
  if (typeof preflight !== 'boolean') return '`preflight` must be a boolean';
  if (typeof engine !== 'string' || !(ENGINES as readonly string[]).includes(engine))
    return `\`engine\` must be one of ${ENGINES.join(', ')}`;
  const names = [...new Set((unsafeHeaders as string[]).map((name) => name.toLowerCase()))].sort();
  return { url, method, unsafeHeaders: names, credentials: credentials as RequestCredentials, origin, preflight, engine: engine as Engine };
}

/** The prediction a replay judges with: the described call, with no header values. */
export function probePrediction(request: ProbeRequest): CorsPrediction {
  return {
    kind: request.preflight ? 'preflight' : 'simple',
    preflight: request.preflight,
    engine: request.engine,
    method: request.method,
    url: request.url,
    origin: request.origin,
    mode: 'cors',
    credentials: request.credentials,
    unsafeHeaders: request.unsafeHeaders,
    headers: [],
    reasons: [],
  };
}

/** One response as the probe saw it on the wire. */
export interface SeenResponse {
  /** The status the server answered. */
  status: number;
  /** Header lines as received, names as sent. */
  headers: [string, string][];
}

/** A cause the probe found, with what its confidence rests on. */
export interface ProbeFinding extends CheckFailureData {
  /** `confirmed` when the server's answer shows it; `likely` when inferred (e.g. a PUT is never re-sent). */
  confidence: 'confirmed' | 'likely';
  /** What the confidence rests on, in a sentence: e.g. "the server answered the preflight 204 without PUT". */
  evidence: string;
}

/** The probe's answer to the page. */
export interface ProbeAnswer {
  /** The causes found, most certain first; empty when the replay passed every check. */
  findings: ProbeFinding[];
  /** What the server sent to the replay. */
  seen: {
    /** The answer to the replayed OPTIONS, when the call was preflighted. */
    preflight?: SeenResponse;
    /** The answer to the replayed call itself, when it was sent (a non-safe method is never re-sent). */
    response?: SeenResponse;
  };
}
