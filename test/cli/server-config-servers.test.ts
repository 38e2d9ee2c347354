import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { emulateBrowser } from '../../examples/demo/emulated-browser.js';
import { startDemoServers } from '../../examples/demo/server.js';
import { runSession } from '../../examples/demo/session.js';
import { crosswiseInProcess } from '../helpers/cli.js';
import { NGINX, NO_NGINX, startSnippetServer, type SnippetFormat } from './snippet-servers.js';

// The promise of `crosswise server-config`: the snippets it writes from a recorded demo session, run as real servers
// on loopback, let every call of the session through in every engine (judged by `crosswise probe`), and nothing else:
// another method, another request header, another page origin are refused.

const ROOT = resolve('.');
// Inside the repository, so the servers' imports find its node_modules; removed after the run.
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const WORK = mkdtempSync(join(ROOT, '.cache', 'server-config-test-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

// The commands through the CLI's main() in this process: the subject is the snippets, judged by what `crosswise probe`
// answers; the binary itself is the subject of probe.test.ts and command-line.test.ts.
const run = async (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> => {
  const { status, stdout, stderr } = await crosswiseInProcess(args);
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
  let client: (lib.CrosswiseClient & lib.StatsReader) | undefined;
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

interface Verdict {
  engine: string;
  preflightCacheSeconds: number | null;
  exposed: string[];
}

const CAPS: Record<string, number> = { chromium: 7200, firefox: 86400, webkit: 600 };

/** What every route of the snippets' servers answers with, besides 'ok'. */
const RESPONSE_HEADERS = { 'X-Total-Count': '3', ETag: '"e"' };

async function checkAgainst(session: Session, format: SnippetFormat): Promise<void> {
  const stop = await startSnippetServer(format, await snippet(session, format), {
    port: apiPort,
    work: WORK,
    headers: RESPONSE_HEADERS,
    root: ROOT,
  });
  try {
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
    await stop();
  }
}

async function snippet(session: Session, format: string): Promise<string> {
  const result = await run(['server-config', session.file, '--format', format]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

describe('server-config snippets from the recorded demo session, run and probed', () => {
  it('express + cors: every call passes in every engine, nothing else does', () => checkAgainst(demo, 'express'), 60_000);
  it('fastify + @fastify/cors: every call passes in every engine, nothing else does', () => checkAgainst(demo, 'fastify'), 60_000);
  it.skipIf(NGINX === undefined)(
    `nginx: every call passes in every engine, nothing else does${NGINX === undefined ? ` (${NO_NGINX})` : ''}`,
    () => checkAgainst(demo, 'nginx'),
    60_000,
  );
});

describe('server-config snippets for two API host names, a max-age and exposed headers, run and probed', () => {
  it('express + cors (options by Host)', () => checkAgainst(twoHosts, 'express'), 60_000);
  it('fastify + @fastify/cors (a delegator by Host)', () => checkAgainst(twoHosts, 'fastify'), 60_000);
  it.skipIf(NGINX === undefined)(
    `nginx (a server block per host)${NGINX === undefined ? ` (${NO_NGINX})` : ''}`,
    () => checkAgainst(twoHosts, 'nginx'),
    60_000,
  );
});
