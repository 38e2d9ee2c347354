import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { emulateBrowser } from '../../examples/demo/emulated-browser.js';
import { startDemoServers } from '../../examples/demo/server.js';
import { runSession } from '../../examples/demo/session.js';
import { crosswise } from '../helpers/cli.js';

// The promise of `crosswise server-config`: the snippets it writes from a recorded demo session, run as real servers
// on loopback, let every call of the session through in every engine (judged by `crosswise probe`), and nothing else:
// another method, another request header, another page origin are refused.

const ROOT = resolve('.');
// Inside the repository, so the servers' imports find its node_modules; removed after the run.
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const WORK = mkdtempSync(join(ROOT, '.cache', 'server-config-test-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const run = async (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> => {
  const { status, stdout, stderr } = await crosswise(args);
  return { code: status, stdout, stderr };
};

interface Endpoint {
  pageOrigin: string;
  requestHeaders: string[];
  credentials: boolean;
  /** Response headers the app reads: each must come out exposed. */
  expose?: string[];
}

/** A session file and its calls, keyed `METHOD url` as in api.stats(). */
interface Session {
  file: string;
  calls: [string, Endpoint][];
  /** The max-age the preflights must come back with (before each engine's cap), or null. */
  maxAge: number | null;
}

let demo: Session = { file: '', calls: [], maxAge: null };
let twoHosts: Session = { file: '', calls: [], maxAge: null };
let pageOrigin = '';
let apiPort = 0;

beforeAll(async () => {
  const servers = await startDemoServers();
  pageOrigin = servers.pageOrigin;
  apiPort = Number(new URL(servers.apiOrigin).port);
  let client: lib.CrosswiseClient | undefined;
  const browser = emulateBrowser(servers.pageOrigin, 'chromium');
  await runSession(lib, {
    pageOrigin: servers.pageOrigin,
    apiOrigin: servers.apiOrigin,
    engine: 'chromium',
    fetch: browser.fetch,
    onClient: (api) => (client = api),
  });
  await servers.close();
  // The session as the app would export it: the JSON of api.stats().
  const stats = JSON.parse(JSON.stringify(client?.stats())) as {
    endpoints: Record<string, Endpoint & { kinds: { rejected: number }; calls: number }>;
  };
  const dir = mkdtempSync(join(WORK, 'session-'));
  demo = {
    file: join(dir, 'demo.json'),
    calls: Object.entries(stats.endpoints).filter(([, entry]) => entry.calls > entry.kinds.rejected),
    maxAge: null,
  };
  writeFileSync(demo.file, JSON.stringify(stats));
  // A hand-written list: one app serving two API host names, a PUT whose preflight repeated over 42 s, a header read.
  const hosts = [`http://127.0.0.1:${apiPort}`, `http://localhost:${apiPort}`];
  const list = [
    {
      method: 'PUT',
      url: `${hosts[0]}/items/1`,
      origin: pageOrigin,
      headers: ['x-request-id', 'content-type'],
      credentials: 'include',
      expose: ['x-total-count'],
      preflightSpanMs: 42_000,
    },
    { method: 'GET', url: `${hosts[1]}/items`, origin: pageOrigin, expose: ['etag'] },
  ];
  twoHosts = {
    file: join(dir, 'two-hosts.json'),
    calls: [
      [
        `PUT ${hosts[0]}/items/1`,
        { pageOrigin, requestHeaders: ['content-type', 'x-request-id'], credentials: true, expose: ['x-total-count'] },
      ],
      [`GET ${hosts[1]}/items`, { pageOrigin, requestHeaders: [], credentials: false, expose: ['etag'] }],
    ],
    maxAge: 43,
  };
  writeFileSync(twoHosts.file, JSON.stringify(list));
}, 60_000);

/** A value each request header can carry that keeps it CORS-unsafe, so the probe's preflight names it as the app's did. */
const headerValueOf = (name: string): string =>
  name === 'content-type' ? 'application/json' : name === 'authorization' ? 'Bearer demo' : 'x';

function probeArgs(key: string, entry: Endpoint): string[] {
  const [method = 'GET', url = ''] = key.split(' ');
  const args = [url, '-X', method, '--origin', entry.pageOrigin];
  for (const name of entry.requestHeaders) args.push('-H', `${name}: ${headerValueOf(name)}`);
  if (entry.credentials) args.push('--credentials', 'include');
  if (method !== 'GET' && method !== 'HEAD') args.push('--send', '--data-raw', '{}');
  return args;
}

function waitForPort(port: number, child: ChildProcess): Promise<void> {
  return new Promise((ready, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`server exited (${String(code)}): ${output}`)));
    const tick = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then(
        () => {
          clearInterval(tick);
          ready();
        },
        () => {},
      );
    }, 100);
  });
}

interface Verdict {
  engine: string;
  preflightCacheSeconds: number | null;
  exposed: string[];
}

const CAPS: Record<string, number> = { chromium: 7200, firefox: 86400, webkit: 600 };

async function checkAgainst(session: Session, start: () => ChildProcess): Promise<void> {
  const child = start();
  try {
    await waitForPort(apiPort, child);
    // The probes are independent (the servers keep no state): run them together, and judge each in turn.
    const results = await Promise.all(session.calls.map(([key, entry]) => run(['probe', ...probeArgs(key, entry), '--json'])));
    for (const [index, [key, entry]] of session.calls.entries()) {
      const result = results[index] ?? { code: null, stdout: '', stderr: 'no run' };
      expect({ key, code: result.code, out: result.code === 0 ? '' : result.stdout + result.stderr }).toEqual({ key, code: 0, out: '' });
      const verdicts = (JSON.parse(result.stdout) as { verdicts: Verdict[] }).verdicts;
      expect(verdicts.map((verdict) => verdict.engine).sort()).toEqual(['chromium', 'firefox', 'standard', 'webkit']);
      for (const verdict of verdicts) {
        for (const name of entry.expose ?? []) expect(verdict.exposed, `${key} ${verdict.engine}`).toContain(name);
        // A preflighted call's answer comes with the session's max-age, as each engine caps it (5 s without one).
        if (verdict.preflightCacheSeconds !== null)
          expect(verdict.preflightCacheSeconds).toBe(
            session.maxAge === null ? 5 : Math.min(session.maxAge, CAPS[verdict.engine] ?? Infinity),
          );
      }
    }
    const preflighted = session.calls.find(([, entry]) => entry.requestHeaders.length > 0);
    expect(preflighted).toBeDefined();
    const [key, entry] = preflighted ?? ['', { pageOrigin, requestHeaders: [], credentials: false }];
    const url = key.split(' ')[1] ?? '';
    // Beyond the session: another method, another header, another page origin.
    const others = [
      ['probe', url, '-X', 'PATCH', '--origin', pageOrigin, '--send', '--data-raw', '{}'],
      ['probe', ...probeArgs(key, entry), '-H', 'X-Not-In-Session: 1'],
      ['probe', ...probeArgs(key, { ...entry, pageOrigin: 'http://127.0.0.1:1' })],
      ['probe', url, '--origin', 'http://127.0.0.1:1'],
    ];
    const codes = await Promise.all(others.map(async (args) => ({ args, code: (await run(args)).code })));
    expect(codes).toEqual(others.map((args) => ({ args, code: 1 })));
  } finally {
    // The next server takes the same port: this one must be gone first.
    if (child.exitCode === null && child.signalCode === null) await new Promise((gone) => child.once('exit', gone).kill());
  }
}

async function snippet(session: Session, format: string): Promise<string> {
  const result = await run(['server-config', session.file, '--format', format]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));

async function express(session: Session): Promise<void> {
  const file = join(WORK, 'express-app.mjs');
  writeFileSync(
    file,
    `import express from 'express';\nconst app = express();\n${await snippet(session, 'express')}\napp.use((req, res) => res.set('X-Total-Count', '3').set('ETag', '"e"').send('ok'));\napp.listen(${apiPort}, '127.0.0.1');\n`,
  );
  await checkAgainst(session, () => spawn(process.execPath, [file], { cwd: ROOT }));
}

async function fastify(session: Session): Promise<void> {
  const file = join(WORK, 'fastify-app.mjs');
  const routes =
    "fastify.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler: async (req, reply) => reply.header('X-Total-Count', '3').header('ETag', '\"e\"').send('ok') });";
  writeFileSync(
    file,
    `import Fastify from 'fastify';\nconst fastify = Fastify();\n${await snippet(session, 'fastify')}\n${routes}\nawait fastify.listen({ port: ${apiPort}, host: '127.0.0.1' });\n`,
  );
  await checkAgainst(session, () => spawn(process.execPath, [file], { cwd: ROOT }));
}

async function nginxServer(session: Session): Promise<void> {
  const dir = mkdtempSync(join(WORK, 'nginx-'));
  const servers = (await snippet(session, 'nginx')).replaceAll(
    '# your proxy_pass or root here',
    'add_header X-Total-Count 3; add_header ETag "\\"e\\""; return 200 "ok";',
  );
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name};`).join('\n  ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  ${temp}\n${servers}\n}\n`,
  );
  const check = spawnSync(nginx ?? '', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  await checkAgainst(session, () => spawn(nginx ?? '', ['-p', dir, '-c', join(dir, 'nginx.conf')]));
}

const NO_NGINX = "skipped: Debian's nginx is not installed (apt-get install nginx)";

describe('server-config snippets from the recorded demo session, run and probed', () => {
  it('express + cors: every call passes in every engine, nothing else does', () => express(demo), 60_000);
  it('fastify + @fastify/cors: every call passes in every engine, nothing else does', () => fastify(demo), 60_000);
  it.skipIf(nginx === undefined)(
    `nginx: every call passes in every engine, nothing else does${nginx === undefined ? ` (${NO_NGINX})` : ''}`,
    () => nginxServer(demo),
    60_000,
  );
});

describe('server-config snippets for two API host names, a max-age and exposed headers, run and probed', () => {
  it('express + cors (options by Host)', () => express(twoHosts), 60_000);
  it('fastify + @fastify/cors (a delegator by Host)', () => fastify(twoHosts), 60_000);
  it.skipIf(nginx === undefined)(
    `nginx (a server block per host)${nginx === undefined ? ` (${NO_NGINX})` : ''}`,
    () => nginxServer(twoHosts),
    60_000,
  );
});
