import { predictCors, type CorsPrediction } from '../cors/index.js';
import type { RequestArgs } from './args.js';

/** The `fetch()` init a page would pass for these flags (`--data` implies POST, as in curl). */
export function requestInit(args: RequestArgs): RequestInit {
  const init: RequestInit = { headers: args.headers };
  const method = args.method ?? (args.data === undefined ? undefined : 'POST');
  if (method !== undefined) init.method = method;
  if (args.data !== undefined) init.body = args.data;
  if (args.mode !== undefined) init.mode = args.mode as RequestMode;
  if (args.credentials !== undefined) init.credentials = args.credentials as RequestCredentials;
  return init;
}

/** Predicts the call for each requested engine. */
export function explain(args: RequestArgs): CorsPrediction[] {
  const init = requestInit(args);
  return args.engines.map((engine) =>
    predictCors(args.url, init, { engine, ...(args.origin === undefined ? {} : { origin: args.origin }) }),
  );
}
