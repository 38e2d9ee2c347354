import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startDemoServers, type DemoServers } from '../../examples/demo/server.js';

// The demo's two servers against requests no browser sends: a target that is no URL, and bodies far past the
// documented limit. Each must get an answer (400, 413), and the servers must stay up and small.

let servers: DemoServers;
beforeAll(async () => {
  servers = await startDemoServers();
});
afterAll(() => servers.close());

/** Writes `head` (then `body`, as long as the server reads) on a raw socket; resolves with what came back and how much was written. */
function raw(origin: string, head: string, body?: { chunk: Buffer; total: number }): Promise<{ answer: string; written: number }> {
  const { port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let written = 0;
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    // A server that stops reading resets the connection: what it answered before still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ answer, written }));
    socket.write(head);
    const pump = (): void => {
      while (body !== undefined && written < body.total && !socket.destroyed) {
        written += body.chunk.length;
        if (!socket.write(body.chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    pump();
    setTimeout(() => socket.destroy(), 20_000).unref();
  });
}

const alive = async (origin: string, path: string): Promise<number> => (await fetch(`${origin}${path}`)).status;

describe('the demo servers', () => {
  it('answer a target that is not a URL with 400, and keep serving', async () => {
    for (const origin of [servers.apiOrigin, servers.pageOrigin]) {
      const { answer } = await raw(origin, 'GET //[ HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(await alive(servers.apiOrigin, '/modern/items')).toBe(200);
    expect(await alive(servers.pageOrigin, '/dist/index.js')).toBe(200);
  });

  it('answer a request that is not HTTP with 400, and keep serving', async () => {
    for (const origin of [servers.apiOrigin, servers.pageOrigin]) {
      const { answer } = await raw(origin, 'HELLO THERE\r\n\r\n');
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(await alive(servers.apiOrigin, '/modern/items')).toBe(200);
  });

  it('answer a body declared past the limit with 413 before reading it', async () => {
    const { answer } = await raw(
      servers.apiOrigin,
      `POST /modern/items HTTP/1.1\r\nHost: x\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain(`larger than ${MAX_BODY_BYTES} bytes`);
  });

  it('stop reading a chunked 300 MB body past the limit: 413, the connection closed, memory flat', async () => {
    const before = process.memoryUsage().rss;
    const size = 1024 * 1024;
    const chunk = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), Buffer.alloc(size, 120), Buffer.from('\r\n')]);
    const { answer, written } = await raw(
      servers.apiOrigin,
      'POST /modern/items HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      { chunk, total: 300 * 1024 * 1024 },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    // The server closed after about 1 MiB: what the client got out before that is socket buffers, not 300 MB.
    expect(written).toBeLessThan(64 * 1024 * 1024);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(await alive(servers.apiOrigin, '/modern/items')).toBe(200);
  });

  it('still read a body under the limit', async () => {
    const response = await fetch(`${servers.apiOrigin}/modern/items`, {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES - 100) }),
    });
    expect(response.status).toBe(201);
  });
});
