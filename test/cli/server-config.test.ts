import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

// `crosswise server-config` in process: what each format says, and every input that does not fit gets one line, exit 2.

async function run(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(
    ['server-config', ...argv],
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'crosswise-server-config-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const CALLS = file(
  'calls.json',
  JSON.stringify([
    {
      method: 'PUT',
      url: 'https://api.example/items/1',
      origin: 'https://app.example',
      headers: ['Authorization'],
      credentials: 'include',
      preflightSpanMs: 9_500,
    },
    { url: 'https://api.example/items', origin: 'https://app.example', expose: ['ETag'] },
  ]),
);

describe('server-config', () => {
  it('writes every format from a list of calls', async () => {
    const { status, out, err } = await run([CALLS, '--format', 'all']);
    expect({ status, err }).toEqual({ status: 0, err: '' });
    for (const part of [
      '== table ==',
      'Allow-Headers      authorization',
      'Max-Age            10',
      "import cors from 'cors';",
      "import cors from '@fastify/cors';",
      'server_name api.example;',
      'Access-Control-Allow-Credentials: true',
    ]) {
      expect(out).toContain(part);
    }
    // Credentials: the origin is echoed, never *; nothing the calls did not use.
    expect(out).not.toContain("'*'");
    expect(out).not.toMatch(/DELETE|PATCH/);
    expect(out).toContain("exposedHeaders: ['etag']");
  });

  it('derives one call from explain-style flags: only the headers the preflight names', async () => {
    const { status, out } = await run([
      'https://api.example/items',
      '-X',
      'DELETE',
      '-H',
      'Accept: application/json',
      '-H',
      'X-Id: 1',
      '--origin',
      'https://app.example',
      '--json',
    ]);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toMatchObject([
      {
        server: 'https://api.example',
        origin: 'https://app.example',
        methods: ['DELETE'],
        allowHeaders: ['x-id'],
        credentials: false,
        maxAge: null,
      },
    ]);
  });

  it('says so when no call is cross-origin', async () => {
    const { status, out } = await run(['https://app.example/x', '--origin', 'https://app.example']);
    expect(status).toBe(0);
    expect(out).toContain('the server needs no CORS headers');
  });

  it('every input that does not fit: one line, exit 2', async () => {
    const cases: [string[], string][] = [
      [[], 'a session file'],
      [[CALLS, CALLS], 'one session or URL only'],
      [[CALLS, '-X', 'PUT'], '--request describes one call'],
      [[CALLS, '--engine', 'all'], '--engine is not a server-config flag'],
      [[CALLS, '--format', 'apache'], '--format must be one of table, express, fastify, nginx, headers, all'],
      [[join(dir, 'missing.json')], 'no such file'],
      [[file('bad.json', '{')], 'not JSON'],
      [[file('shape.json', '{"calls": 1}')], 'a session is the JSON of api.stats()'],
      [[file('no-origin.json', '[{"url": "https://api.example/x"}]')], 'call 1 needs an "origin"'],
      [['https://api.example/x'], 'a call needs --origin'],
      [['https://api.example/x', '-X', 'CONNECT', '--origin', 'https://app.example'], 'the browser refuses this call'],
    ];
    for (const [argv, message] of cases) {
      const { status, err } = await run(argv);
      expect({ argv, status, err: err.split('\n').length }).toEqual({ argv, status: 2, err: 1 });
      expect(err).toContain(message);
    }
  });

  it('--origin fills in a session without page origins', async () => {
    const { status, out } = await run([
      file('bare.json', '[{"url": "https://api.example/x", "headers": ["x-a"]}]'),
      '--origin',
      'https://app.example',
    ]);
    expect(status).toBe(0);
    expect(out).toContain('for pages at https://app.example');
  });
});
