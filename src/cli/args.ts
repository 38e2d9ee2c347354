import { parseArgs } from 'node:util';
import { ENGINES, type Engine } from '../cors/index.js';

/** A usage problem: the CLI prints it with the usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/** The call both commands take, in curl's words. */
export interface RequestArgs {
  url: string;
  method: string | undefined;
  headers: [string, string][];
  data: string | undefined;
  origin: string | undefined;
  engines: Engine[];
  json: boolean;
  mode: string | undefined;
  credentials: string | undefined;
}

/** `probe` also needs the page origin (without one nothing is cross-origin) and a bound on each round trip. */
export interface ProbeArgs extends RequestArgs {
  origin: string;
  /** Milliseconds each request may take. */
  timeout: number;
}

export const USAGE = `usage: crosswise explain <url> [-X METHOD] [-H 'Name: value']... [--data BODY] [--origin URL]
                         [--engine standard|chromium|firefox|webkit|all] [--mode cors|no-cors|same-origin]
                         [--credentials omit|same-origin|include] [--json]
       crosswise probe <url> --origin URL [-X METHOD] [-H 'Name: value']... [--data BODY]
                       [--engine standard|chromium|firefox|webkit|all] [--credentials omit|same-origin|include]
                       [--timeout MS] [--json]`;

const REQUEST_FLAGS = {
  request: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  origin: { type: 'string' },
  engine: { type: 'string' },
  mode: { type: 'string' },
  credentials: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function parse(argv: readonly string[]): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof REQUEST_FLAGS }>> {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: REQUEST_FLAGS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function oneOf(flag: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value !== undefined && !allowed.includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}`);
  return value;
}

function requestArgs(values: ReturnType<typeof parse>['values'], positionals: string[], defaultEngine: Engine | 'all'): RequestArgs {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'a URL is required' : `one URL only, got ${positionals.length}`);
  const engine = oneOf('engine', values.engine, [...ENGINES, 'all']) ?? defaultEngine;
  const headers = (values.header ?? []).map((line): [string, string] => {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`-H expects 'Name: value', got ${JSON.stringify(line)}`);
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  return {
    url: positionals[0] ?? '',
    method: values.request,
    headers,
    data: values.data,
    origin: values.origin,
    engines: engine === 'all' ? [...ENGINES] : [engine as Engine],
    json: values.json ?? false,
    mode: oneOf('mode', values.mode, ['cors', 'no-cors', 'same-origin', 'navigate']),
    credentials: oneOf('credentials', values.credentials, ['omit', 'same-origin', 'include']),
  };
}

/** curl-like flags for `explain`; one engine (the standard) unless asked. */
export function parseExplainArgs(argv: readonly string[]): RequestArgs {
  const { values, positionals } = parse(argv);
  if (values.timeout !== undefined) throw new UsageError('--timeout is for probe: explain sends nothing');
  return requestArgs(values, positionals, 'standard');
}

function isHttpUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** curl-like flags for `probe`: the page origin is required, and every engine is judged unless one is named. */
export function parseProbeArgs(argv: readonly string[]): ProbeArgs {
  const { values, positionals } = parse(argv);
  const args = requestArgs(values, positionals, 'all');
  if (args.origin === undefined) throw new UsageError('probe needs --origin, the page origin the browser would send');
  let origin: string;
  try {
    origin = new URL(args.origin).origin;
  } catch {
    throw new UsageError(`--origin must be an origin such as https://app.example, got ${JSON.stringify(args.origin)}`);
  }
  if (origin === 'null') throw new UsageError(`--origin must be an http(s) origin, got ${JSON.stringify(args.origin)}`);
  const timeout = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${values.timeout}`);
  if (!isHttpUrl(args.url)) throw new UsageError(`probe sends real requests: the URL must be absolute http(s), got ${JSON.stringify(args.url)}`);
  return { ...args, origin, timeout };
}
