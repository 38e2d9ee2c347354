import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { createRecordingServer } from '../helpers/recording-server.js';
import { runReportingPage } from '../helpers/reporting-page.js';
import { NGINX, NO_NGINX, startSnippetServer, type SnippetFormat } from './snippet-servers.js';

// The loop `stats: sessionStats({ responseHeaders: true })` closes, in real Chromium: the app reads X-Total-Count from an API that
// does not expose it (null in the page); the stats it exports record the read; the built CLI's `server-config` writes
// the express, Fastify and nginx configurations; run on the API's origin, each makes the same read return the value —
// and exposes nothing the app did not read.

const ROOT = resolve('.');
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const WORK = mkdtempSync(join(ROOT, '.cache', 'server-config-reads-'));

/** What the API sends on every response: one header the app reads by `get`, one by `has`, one it never reads. */
const SENT = { 'X-Total-Count': '3', ETag: '"v1"', 'X-Unread': 'never-read' };

// The app: a list and an update through the client; it reads X-Total-Count from the list and checks ETag on the update.
const APP = `
import { createClient, sessionStats } from '/src/index.js';
const q = new URLSearchParams(location.search);
const api = createClient({ baseUrl: q.get('api'), retry: 0, onWarning: () => {}, stats: sessionStats({ responseHeaders: true }) });
const list = await api.get('items/' + q.get('run'));
const total = list.headers.get('X-Total-Count');
const update = await api.put('items/' + q.get('run') + '/1', { json: { name: 'x' }, headers: { 'X-Request-Id': 'r1' } });
const hasEtag = update.headers.has('ETag');
// Iteration is not watched (nor recorded): it shows every header the page may read.
report({ total, hasEtag, readable: [...list.headers.keys()], stats: api.stats() });`;

interface AppRun {
  total: string | null;
  hasEtag: boolean;
  readable: string[];
  stats: { endpoints: Record<string, { responseHeaders?: string[] }> };
}

// The tab's own API origin stays unused: this API closes before the configured servers take its port.
const { page, open } = useChromiumTab();
let apiPort = 0;
let sessionFile = '';
let runs = 0;

const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });

/** Runs the app in the page against the API at `apiOrigin`; each run calls URLs of its own (no preflight cached from another). */
async function runApp(apiOrigin: string): Promise<AppRun> {
  const { result, errors } = await runReportingPage<AppRun>(page, open, {
    module: APP,
    query: { api: apiOrigin, run: `run-${++runs}-${Date.now()}` },
  });
  expect(errors).toEqual([]);
  return result;
}

beforeAll(async () => {
  // The API before any configuration: CORS allows the page's calls, but exposes no response header.
  const api = await createRecordingServer();
  apiPort = api.port;
  api.routePrefix('/items/', (request) => ({
    status: request.method === 'OPTIONS' ? 204 : 200,
    headers: {
      'Access-Control-Allow-Origin': page.origin,
      'Access-Control-Allow-Methods': 'GET, PUT',
      'Access-Control-Allow-Headers': 'content-type, x-request-id',
      ...(request.method === 'OPTIONS' ? {} : SENT),
    },
    body: request.method === 'OPTIONS' ? '' : 'ok',
  }));
  try {
    const before = await runApp(api.origin);
    // The classic silent failure: the server sent it, the page reads null.
    expect([before.total, before.hasEtag]).toEqual([null, false]);
    const reads = Object.entries(before.stats.endpoints).map(([key, entry]) => [key.split(' ')[0], entry.responseHeaders]);
    expect(reads).toEqual([
      ['GET', ['x-total-count']],
      ['PUT', ['etag']],
    ]);
    sessionFile = join(WORK, 'session.json');
    writeFileSync(sessionFile, JSON.stringify(before.stats));
  } finally {
    // The configured servers take over the API's origin (same port).
    await api.close();
  }
}, 120_000);

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

async function withConfig(format: SnippetFormat): Promise<void> {
  const written = await cli(['server-config', sessionFile, '--format', format]);
  expect([written.code, written.stderr]).toEqual([0, '']);
  expect(written.stdout.toLowerCase()).toContain('x-total-count');
  expect(written.stdout.toLowerCase()).not.toContain('x-unread');
  const stop = await startSnippetServer(format, written.stdout, { port: apiPort, work: WORK, headers: SENT, root: ROOT });
  try {
    const after = await runApp(`http://127.0.0.1:${apiPort}`);
    expect([after.total, after.hasEtag]).toEqual(['3', true]);
    // Exposed: what the app read, and nothing else it did not (X-Unread stays hidden).
    expect(after.readable).toContain('x-total-count');
    expect(after.readable).toContain('etag');
    expect(after.readable).not.toContain('x-unread');
  } finally {
    await stop();
  }
}

describe('sessionStats({ responseHeaders: true }) → server-config → the read returns the value, in real Chromium', () => {
  it('express + cors', () => withConfig('express'), 60_000);
  it('fastify + @fastify/cors', () => withConfig('fastify'), 60_000);
  it.skipIf(NGINX === undefined)(`nginx${NGINX === undefined ? ` (${NO_NGINX})` : ''}`, () => withConfig('nginx'), 60_000);
});
