import { createFetch, getPrediction, type CrosswiseFetch, credentialsPolicy } from '../../../src/fetch/index.js';
import { LIBRARIES, type Call, type Library } from './libraries.js';

// Runs in the page (bundled by esbuild): every library makes the same calls through a crosswise fetch; the test reads
// what the servers saw.

/** A call's outcome as the page saw it: the status and prediction, or the crosswise error found in the library's error. */
export interface Outcome {
  status?: number;
  kind?: string;
  unsafeHeaders?: readonly string[];
  error?: string;
  /** The CredentialsPolicyError's code. */
  code?: string;
}

const CROSSWISE_ERRORS = new Set(['CorsPolicyError', 'CredentialsPolicyError', 'CorsError']);

/** Libraries wrap what fetch rejects with (axios in an AxiosError, ofetch in a FetchError): find crosswise's in the cause chain. */
function describeError(error: unknown): Outcome {
  for (
    let current = error, depth = 0;
    typeof current === 'object' && current !== null && depth < 5;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const { name, code } = current as { name?: string; code?: unknown };
    if (name !== undefined && CROSSWISE_ERRORS.has(name) && current instanceof Error) {
      const prediction = getPrediction(current);
      return { error: name, ...(typeof code === 'string' ? { code } : {}), ...(prediction === undefined ? {} : { kind: prediction.kind }) };
    }
  }
  return { error: `not crosswise's: ${String(error)}` };
}

async function outcome(library: Library, apiFetch: CrosswiseFetch, call: Call): Promise<Outcome> {
  try {
    const { status, prediction } = await library(apiFetch, call);
    return { status, ...(prediction === undefined ? {} : { kind: prediction.kind, unsafeHeaders: prediction.unsafeHeaders }) };
  } catch (error) {
    return describeError(error);
  }
}

export async function runIntegrations(api: string, other: string): Promise<Record<string, Record<string, Outcome>>> {
  const quiet = { onWarning: () => undefined };
  const warn = createFetch(quiet);
  const strict = createFetch({ ...quiet, cors: 'strict' });
  const policy = createFetch({ ...quiet, credentials: credentialsPolicy({ include: [api], otherwise: 'omit' }) });
  const results: Record<string, Record<string, Outcome>> = {};
  for (const [name, library] of Object.entries(LIBRARIES)) {
    const at = `/int/${name}`;
    const preflighted = { method: 'PUT', headers: { 'X-Lib': name }, json: { lib: name } } as const;
    results[name] = {
      simple: await outcome(library, warn, { base: api, path: `${at}/simple`, method: 'GET' }),
      preflight: await outcome(library, warn, { base: api, path: `${at}/preflight`, ...preflighted }),
      strict: await outcome(library, strict, { base: api, path: `${at}/strict`, ...preflighted }),
      cookieAllowed: await outcome(library, policy, { base: api, path: `${at}/cookie`, method: 'GET', credentials: 'include' }),
      cookieElsewhere: await outcome(library, policy, {
        base: other,
        path: `${at}/cookie-elsewhere`,
        method: 'GET',
        credentials: 'include',
      }),
      cookieRedirect: await outcome(library, policy, { base: api, path: `${at}/redirect`, method: 'GET', credentials: 'include' }),
      misconfigured: await outcome(library, warn, { base: api, path: `${at}/misconfigured`, ...preflighted }),
    };
  }
  return results;
}
