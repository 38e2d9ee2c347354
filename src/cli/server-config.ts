import { deriveServerConfig, SessionInputError, type OriginServerConfig, type SessionCall } from '../policy/server-config.js';
import { readSession } from '../policy/session-input.js';
import { oneOf, parse, text, type Parsed } from './args.js';
import { readTextFile } from './data-file.js';
import { explain } from './explain.js';
import { formatServerConfig, SERVER_CONFIG_FORMATS, type ServerConfigFormat } from './format-server-config.js';
import { UsageError } from './usage-error.js';

// `crosswise server-config`: from what the app calls (a session file, or one call in curl's words), the CORS
// configuration its server needs, as a table or ready snippets.

export interface ServerConfigArgs {
  /** The calls, read from the session file or built from the URL and flags. */
  calls: SessionCall[];
  formats: ServerConfigFormat[];
  json: boolean;
}

const strings = (value: Parsed['values'][string]): string[] =>
  (Array.isArray(value) ? value : []).filter((item): item is string => typeof item === 'string');

// Flags that describe a single call: with a session file the file says all of it.
const CALL_FLAGS = ['request', 'header', 'credentials'] as const;
const UNUSED = ['data', 'data-raw', 'engine', 'mode', 'send', 'timeout'] as const;

function callFromFlags(values: Parsed['values'], url: string, origin: string | undefined): SessionCall {
  if (origin === undefined) throw new UsageError('a call needs --origin, the page origin it is sent from');
  const headers = strings(values.header).map((line): [string, string] => {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`-H expects 'Name: value', got ${JSON.stringify(line)}`);
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  const credentials = oneOf('credentials', text(values, 'credentials'), ['omit', 'same-origin', 'include']);
  // The rules engine says which headers the preflight names (a safelisted Accept does not need allowing).
  const method = text(values, 'request');
  const [prediction] = explain({
    url,
    method,
    headers,
    data: undefined,
    origin,
    engines: ['standard'],
    json: false,
    mode: undefined,
    credentials,
  });
  if (prediction === undefined || prediction.kind === 'rejected')
    throw new UsageError(`the browser refuses this call before sending it: crosswise explain ${url} shows why`);
  return {
    method: prediction.method,
    url,
    pageOrigin: origin,
    requestHeaders: prediction.unsafeHeaders,
    credentials: credentials === 'include',
  };
}

/** `server-config FILE|-|URL [flags]`. */
export function parseServerConfigArgs(argv: readonly string[]): ServerConfigArgs {
  const { values, positionals } = parse(argv);
  for (const name of UNUSED) if (values[name] !== undefined) throw new UsageError(`--${name} is not a server-config flag`);
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0
        ? 'a session file (the JSON of api.stats(), with stats: sessionStats()), - for standard input, or a URL is required'
        : `one session or URL only, got ${positionals.length}`,
    );
  const source = positionals[0] ?? '';
  const origin = text(values, 'origin');
  const format = oneOf('format', text(values, 'format'), [...SERVER_CONFIG_FORMATS, 'all']) ?? 'table';
  const formats = format === 'all' ? [...SERVER_CONFIG_FORMATS] : [format as ServerConfigFormat];
  let calls: SessionCall[];
  if (/^https?:\/\//i.test(source)) {
    calls = [callFromFlags(values, source, origin)];
  } else {
    for (const name of CALL_FLAGS)
      if (values[name] !== undefined) throw new UsageError(`--${name} describes one call: give a URL, or record it in the session`);
    const label = `session ${source}`;
    let json: unknown;
    try {
      json = JSON.parse(readTextFile(source, label));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${label}: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      calls = readSession(json, origin);
    } catch (error) {
      if (error instanceof SessionInputError) throw new UsageError(`${label}: ${error.message}`);
      throw error;
    }
  }
  const expose = strings(values.expose);
  return {
    calls: expose.length === 0 ? calls : calls.map((call) => ({ ...call, exposeHeaders: [...(call.exposeHeaders ?? []), ...expose] })),
    formats,
    json: values.json === true,
  };
}

/** The derived configuration, formatted as asked. */
export function serverConfig(args: ServerConfigArgs): { configs: OriginServerConfig[]; text: string } {
  let configs: OriginServerConfig[];
  try {
    configs = deriveServerConfig(args.calls);
  } catch (error) {
    if (error instanceof SessionInputError) throw new UsageError(error.message);
    throw error;
  }
  const text = args.json
    ? JSON.stringify(configs, null, 2)
    : args.formats.map((format) => (args.formats.length > 1 ? `== ${format} ==\n` : '') + formatServerConfig(configs, format)).join('\n\n');
  return { configs, text };
}
