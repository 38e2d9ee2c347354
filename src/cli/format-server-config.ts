import { ENGINES } from '../cors/index.js';
import { preflightMethods, type OriginServerConfig } from '../policy/server-config.js';

// `crosswise server-config`'s outputs: a table to read, and snippets to paste — express's cors middleware, Fastify's
// @fastify/cors, an nginx server block, and the bare headers. Each snippet allows what the session needs, no more.

/** The output formats, in the order `--format all` prints them. */
export const SERVER_CONFIG_FORMATS = ['table', 'express', 'fastify', 'nginx', 'headers'] as const;
export type ServerConfigFormat = (typeof SERVER_CONFIG_FORMATS)[number];

/** One API origin's answer: the page origins it allows, and the union of what their calls need. */
interface ServerBlock {
  server: string;
  origins: string[];
  methods: string[];
  allowHeaders: string[];
  credentials: boolean;
  exposeHeaders: string[];
  maxAge: number | null;
}

const union = (lists: string[][]): string[] => [...new Set(lists.flat())].sort();

/** A server answers all its page origins alike, so a snippet allows each of them what any of them needs. */
function byServer(configs: readonly OriginServerConfig[]): ServerBlock[] {
  const servers = [...new Set(configs.map((config) => config.server))];
  return servers.map((server) => {
    const mine = configs.filter((config) => config.server === server);
    const ages = mine.flatMap((config) => (config.maxAge === null ? [] : [config.maxAge]));
    return {
      server,
      origins: mine.map((config) => config.origin),
      methods: union(mine.map((config) => config.methods)),
      allowHeaders: union(mine.map((config) => config.allowHeaders)),
      credentials: mine.some((config) => config.credentials),
      exposeHeaders: union(mine.map((config) => config.exposeHeaders)),
      maxAge: ages.length === 0 ? null : Math.max(...ages),
    };
  });
}

const list = (names: readonly string[]): string => (names.length === 0 ? '—' : names.join(', '));

function tableOf(config: OriginServerConfig): string {
  const needsListing = preflightMethods(config);
  const capped = config.cappedBy.length === 0 ? '' : `; still repeated in ${config.cappedBy.join(', ')} (its cap)`;
  const cached = ENGINES.filter((engine) => engine !== 'standard')
    .map((engine) => `${engine} ${config.cachedSeconds[engine]} s`)
    .join(', ');
  const rows: [string, string][] = [
    ['Allow-Origin', `${config.origin}${config.credentials ? ' (echoed: credentials forbid *)' : ''}`],
    [
      'Allow-Methods',
      `${list(config.methods)}${needsListing.length === config.methods.length ? '' : needsListing.length === 0 ? ' (GET, HEAD and POST need no listing)' : ` (only ${list(needsListing)} must be listed)`}`,
    ],
    ['Allow-Headers', list(config.allowHeaders)],
    ['Allow-Credentials', config.credentials ? 'true' : '— (no call sends credentials)'],
    ['Expose-Headers', list(config.exposeHeaders)],
    ['Max-Age', config.maxAge === null ? '— (no preflight repeated past the 5 s default)' : `${config.maxAge} (${cached}${capped})`],
  ];
  return [`${config.server}  for pages at ${config.origin}`, ...rows.map(([name, value]) => `  ${name.padEnd(18)} ${value}`)].join('\n');
}

const quoted = (names: readonly string[]): string => `[${names.map((name) => `'${name}'`).join(', ')}]`;

/** The options object both express's cors and @fastify/cors take (the same names), indented for a snippet. */
function optionsObject(block: ServerBlock, indent: string): string {
  const lines = [
    `origin: ${quoted(block.origins)},`,
    `methods: ${quoted(block.methods)},`,
    // Left out, both libraries would echo whatever Access-Control-Request-Headers asks for.
    `allowedHeaders: ${quoted(block.allowHeaders)},`,
  ];
  if (block.exposeHeaders.length > 0) lines.push(`exposedHeaders: ${quoted(block.exposeHeaders)},`);
  if (block.credentials) lines.push('credentials: true,');
  if (block.maxAge !== null) lines.push(`maxAge: ${block.maxAge},`);
  return `{\n${lines.map((line) => `${indent}  ${line}`).join('\n')}\n${indent}}`;
}

/** Several API origins served by one app: the options chosen by the Host the request came to. */
function byHost(blocks: readonly ServerBlock[]): string {
  return `const corsByHost = {\n${blocks.map((block) => `  '${new URL(block.server).host}': ${optionsObject(block, '  ')},`).join('\n')}\n};`;
}

/** The snippet's first lines; the module name is quoted apart, so the generated import is not read as this file's own. */
const install = (name: string): string => `// npm install ${name} — then, before your routes:\nimport cors from ${`'${name}'`};\n`;

function express(blocks: readonly ServerBlock[]): string {
  const head = install('cors');
  const [only] = blocks;
  if (blocks.length === 1 && only !== undefined) return `${head}\n// ${only.server}\napp.use(cors(${optionsObject(only, '')}));`;
  return `${head}\n${byHost(blocks)}\napp.use(cors((req, callback) => callback(null, corsByHost[req.headers.host] ?? { origin: false })));`;
}

function fastify(blocks: readonly ServerBlock[]): string {
  const head = install('@fastify/cors');
  const [only] = blocks;
  if (blocks.length === 1 && only !== undefined)
    return `${head}\n// ${only.server}\nawait fastify.register(cors, ${optionsObject(only, '')});`;
  return `${head}\n${byHost(blocks)}\nawait fastify.register(cors, {\n  delegator: (req, callback) => callback(null, corsByHost[req.headers.host] ?? { origin: false }),\n});`;
}

function nginxServer(block: ServerBlock): string {
  const url = new URL(block.server);
  const always = (name: string, value: string): string => `add_header ${name} "${value}" always;`;
  const answer = [
    always('Access-Control-Allow-Origin', '$cors_origin'),
    ...(block.credentials ? [always('Access-Control-Allow-Credentials', 'true')] : []),
    always('Vary', 'Origin'),
  ];
  const preflight = [
    ...answer,
    always('Access-Control-Allow-Methods', block.methods.join(', ')),
    ...(block.allowHeaders.length > 0 ? [always('Access-Control-Allow-Headers', block.allowHeaders.join(', '))] : []),
    ...(block.maxAge === null ? [] : [always('Access-Control-Max-Age', String(block.maxAge))]),
  ];
  const actual = [
    ...answer,
    ...(block.exposeHeaders.length > 0 ? [always('Access-Control-Expose-Headers', block.exposeHeaders.join(', '))] : []),
  ];
  const port = url.port === '' ? (url.protocol === 'https:' ? '443 ssl' : '80') : url.port;
  return [
    `# ${block.server}`,
    'server {',
    `    listen ${port};`,
    `    server_name ${url.hostname};`,
    ...(url.protocol === 'https:' ? ['    # ssl_certificate and ssl_certificate_key: your certificate here'] : []),
    '    # nginx leaves out a header whose value is empty: any other Origin gets no Access-Control-Allow-Origin.',
    '    set $cors_origin "";',
    ...block.origins.map((origin) => `    if ($http_origin = "${origin}") { set $cors_origin $http_origin; }`),
    '',
    '    location / {',
    '        if ($request_method = OPTIONS) {',
    ...preflight.map((line) => `            ${line}`),
    '            return 204;',
    '        }',
    ...actual.map((line) => `        ${line}`),
    '        # your proxy_pass or root here',
    '    }',
    '}',
  ].join('\n');
}

function headers(blocks: readonly ServerBlock[]): string {
  return blocks
    .map((block) => {
      const origin =
        block.origins.length === 1 ? (block.origins[0] ?? '') : `<the request's Origin, when one of ${block.origins.join(' ')}>`;
      const common = [
        `Access-Control-Allow-Origin: ${origin}`,
        ...(block.credentials ? ['Access-Control-Allow-Credentials: true'] : []),
        'Vary: Origin',
      ];
      const preflight = [
        ...common,
        `Access-Control-Allow-Methods: ${block.methods.join(', ')}`,
        ...(block.allowHeaders.length > 0 ? [`Access-Control-Allow-Headers: ${block.allowHeaders.join(', ')}`] : []),
        ...(block.maxAge === null ? [] : [`Access-Control-Max-Age: ${block.maxAge}`]),
      ];
      const actual = [
        ...common,
        ...(block.exposeHeaders.length > 0 ? [`Access-Control-Expose-Headers: ${block.exposeHeaders.join(', ')}`] : []),
      ];
      return [
        `# ${block.server}: the answer to a preflight (OPTIONS, status 204)`,
        ...preflight,
        `# ${block.server}: every other answer`,
        ...actual,
      ].join('\n');
    })
    .join('\n\n');
}

/** One format of the configs; `table` keeps each page origin apart, the snippets group by API origin. */
export function formatServerConfig(configs: readonly OriginServerConfig[], format: ServerConfigFormat): string {
  if (configs.length === 0) return 'no cross-origin call in the session: the server needs no CORS headers';
  if (format === 'table') return configs.map(tableOf).join('\n\n');
  const blocks = byServer(configs);
  if (format === 'express') return express(blocks);
  if (format === 'fastify') return fastify(blocks);
  if (format === 'nginx') return blocks.map(nginxServer).join('\n\n');
  return headers(blocks);
}
