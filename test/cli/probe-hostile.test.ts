import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crosswise, probe } from '../helpers/cli.js';
import { hugeBodyServer } from '../helpers/huge-body-server.js';
import { rawServer, type RawServer } from '../helpers/raw-server.js';
import { createRecordingServer, headerValue, type RecordingServer } from '../helpers/recording-server.js';

// `crosswise probe` (the built binary) against servers that misbehave on purpose: trickling bytes, never answering,
// sending 100 MB, closing after each answer without saying so. The probe must end on time, read little, and judge
// what it can; it must send what a browser sends (control bytes included) and never change data unless told to.

const servers: RawServer[] = [];
/** A server of the test's own: `onRequest` gets the socket and each chunk that arrives (a request, for the short ones sent here). */
async function hostile(onRequest: (socket: Socket, head: string) => void): Promise<string> {
  const made = await rawServer((socket) => socket.on('data', (data: Buffer) => onRequest(socket, data.toString('latin1'))));
  servers.push(made);
  return made.origin;
}

const ALLOW_ALL = 'Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Headers: x-a\r\nAccess-Control-Allow-Methods: PUT, DELETE\r\n';
const PAGE = 'http://app.example';

let api: RecordingServer;
beforeAll(async () => {
  api = await createRecordingServer();
});
afterAll(async () => {
  await Promise.all([api.close(), ...servers.map((server) => server.close())]);
});

// Each case has a server of its own and mostly waits on a deadline or a trickle: they run side by side.
describe.concurrent('probe against hostile servers', () => {
  it('gives up on a server that trickles its head, at the --timeout deadline', async () => {
    const origin = await hostile((socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const drip = setInterval(() => socket.write('X-Drip: 1\r\n'), 100);
      socket.on('close', () => clearInterval(drip));
    });
    const run = await probe(`${origin}/x`, PAGE, '--timeout', '1500');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("the answer's head still incomplete");
    expect(run.stderr).toContain('at the deadline');
    expect(run.ms).toBeLessThan(1500 + 3000);
  });

  it('gives up on a server that never answers', async () => {
    const origin = await hostile(() => undefined);
    const run = await probe(`${origin}/x`, PAGE, '--timeout', '800');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('network error, nothing judged');
    expect(run.stderr).toContain('no answer at the deadline');
  });

  it('the deadline covers the whole probe: a slow preflight and a slow call together run out of it', async () => {
    const origin = await hostile((socket, head) => {
      const reply = head.startsWith('OPTIONS')
        ? `HTTP/1.1 204 No Content\r\n${ALLOW_ALL}\r\n`
        : 'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n';
      // Each answer well within the deadline on its own, a well-behaved keep-alive server otherwise.
      setTimeout(() => socket.write(reply), 700);
    });
    const run = await probe(`${origin}/x`, PAGE, '-H', 'X-A: 1', '--timeout', '1000');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/GET .*(at the deadline|--timeout were spent)/);
    expect(run.ms).toBeLessThan(1000 + 3000);
  });

  it('judges the head of an answer whose body trickles, and says it stopped reading', async () => {
    const origin = await hostile((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 1000000\r\n\r\n');
      const drip = setInterval(() => socket.write('x'), 50);
      socket.on('close', () => clearInterval(drip));
    });
    const run = await probe(`${origin}/x`, PAGE, '--timeout', '1000');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/chromium\s+allowed/);
    expect(run.stdout).toContain('body not read to its end');
  });

  it('reads the head and at most a little of a 100 MB body', async () => {
    const huge = await hugeBodyServer(100 * 1024 * 1024);
    try {
      const run = await probe(`${huge.origin}/x`, PAGE, '--json');
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as { exchanges: { response: { bodyBytes: number; bodyComplete: boolean } }[] };
      expect(report.exchanges[0]?.response).toMatchObject({ bodyComplete: false });
      expect(report.exchanges[0]?.response.bodyBytes).toBeLessThan(1024 * 1024);
      // What left the server before the probe hung up: socket buffers, not the 100 MB.
      expect(await huge.written).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await huge.close();
    }
  });

  it('copes with a server that closes after each answer without Connection: close', async () => {
    const origin = await hostile((socket, head) => {
      socket.end(
        head.startsWith('OPTIONS')
          ? `HTTP/1.1 204 No Content\r\n${ALLOW_ALL}\r\n`
          : 'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 2\r\n\r\nok',
      );
    });
    const run = await probe(`${origin}/x`, PAGE, '-H', 'X-A: 1');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/firefox\s+allowed/);
  });
});

describe('probe sends what the browser sends, and nothing the user did not mean', () => {
  it('a header value with \\x01 and \\x7f goes out byte for byte, as a browser sends it', async () => {
    const run = await probe(`${api.origin}/ctl`, PAGE, '-H', 'X-Trace: a\u0001b\u007fc');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const call = api.recordsUnder('/ctl').find((record) => record.method === 'GET');
    expect(call === undefined ? null : headerValue(call, 'x-trace')).toBe('a\u0001b\u007fc');
  });

  it('a DELETE stops after the preflight without --send, and says how to send it', async () => {
    const run = await probe(`${api.origin}/delete-me`, PAGE, '-X', 'DELETE');
    expect(api.recordsUnder('/delete-me').map((record) => record.method)).toEqual(['OPTIONS']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('> DELETE');
    expect(run.stdout).toContain('add --send');
    expect(run.stdout).toMatch(/chromium\s+not judged: preflight passed/);
    expect(run.stderr.trim().split('\n')).toEqual([
      'crosswise: the DELETE was not sent, so its answer is not judged: add --send to send it',
    ]);
    const sent = await probe(`${api.origin}/delete-me`, PAGE, '-X', 'DELETE', '--send');
    expect(sent.status).toBe(0);
    expect(api.recordsUnder('/delete-me').map((record) => record.method)).toEqual(['OPTIONS', 'OPTIONS', 'DELETE']);
  });

  it('a simple POST (no preflight) sends nothing at all without --send', async () => {
    const run = await probe(`${api.origin}/post-me`, PAGE, '-d', 'x=1');
    expect(run.status).toBe(2);
    expect(api.recordsUnder('/post-me')).toEqual([]);
  });

  it('-d @file and -d @- send the content, not the name', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'crosswise-probe-')), 'body.txt');
    writeFileSync(file, 'line one\nline two\n');
    expect((await probe(`${api.origin}/file`, PAGE, '-d', `@${file}`, '--send')).status).toBe(0);
    expect(api.recordsUnder('/file')[0]?.body.toString()).toBe('line one\nline two\n');
    expect(
      (await crosswise(['probe', `${api.origin}/stdin`, '--origin', PAGE, '-d', '@-', '--send'], { input: 'from a pipe' })).status,
    ).toBe(0);
    expect(api.recordsUnder('/stdin')[0]?.body.toString()).toBe('from a pipe');
  });
});
