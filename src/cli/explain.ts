import { predictCors, type CorsPrediction } from '../cors/index.js';
import type { ExplainArgs } from './args.js';

/** Predicts the call for each requested engine, as curl would send it (`--data` implies POST, as in curl). */
export function explain(args: ExplainArgs): CorsPrediction[] {
  const init: RequestInit = { headers: args.headers };
  const method = args.method ?? (args.data === undefined ? undefined : 'POST');
  if (method !== undefined) init.method = method;
  if (args.data !== undefined) init.body = args.data;
  if (args.mode !== undefined) init.mode = args.mode as RequestMode;
  if (args.credentials !== undefined) init.credentials = args.credentials as RequestCredentials;
  return args.engines.map((engine) => predictCors(args.url, init, { engine, ...(args.origin === undefined ? {} : { origin: args.origin }) }));
}
