import { parseArgs } from 'node:util';
import { ENGINES, type Engine } from '../cors/index.js';

/** A usage problem: the CLI prints it with the usage line and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

export interface ExplainArgs {
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

export const USAGE = `usage: crosswise explain <url> [-X METHOD] [-H 'Name: value']... [--data BODY] [--origin URL]
                         [--engine standard|chromium|firefox|webkit|all] [--mode cors|no-cors|same-origin]
                         [--credentials omit|same-origin|include] [--json]`;

/** curl-like flags for `explain`, on node:util parseArgs. */
export function parseExplainArgs(argv: readonly string[]): ExplainArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        request: { type: 'string', short: 'X' },
        header: { type: 'string', short: 'H', multiple: true },
        data: { type: 'string', short: 'd' },
        origin: { type: 'string' },
        engine: { type: 'string', default: 'standard' },
        mode: { type: 'string' },
        credentials: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'a URL is required' : `one URL only, got ${positionals.length}`);
  const engine = values.engine ?? 'standard';
  if (engine !== 'all' && !(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine must be one of ${ENGINES.join(', ')} or all`);
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
    mode: values.mode,
    credentials: values.credentials,
  };
}
