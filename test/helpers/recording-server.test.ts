import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingServer, type RecordingServer } from './recording-server.js';

// The recording server is the conformance suite's witness: it must record what Node's http parser would refuse.
let server: RecordingServer | undefined;
afterEach(async () => server?.close());

// One request per connection; the server writes each reply in one piece, so the first chunk is the whole reply.
function send(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw, 'latin1'));
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1'));
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

describe('recording server', () => {
  it('records lower-case methods, raw header case and chunked bodies, and answers permissively', async () => {
    server = await createRecordingServer();
    const reply = await send(
      server.port,
      'patch /probe/a HTTP/1.1\r\nHost: x\r\nX-Odd: a\x01b\r\nOrigin: http://o.test\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
    );
    expect(reply).toContain('Access-Control-Allow-Origin: http://o.test');
    expect(server.records).toHaveLength(1);
    expect(server.records[0]).toMatchObject({
      method: 'patch',
      path: '/probe/a',
      headers: [
        ['Host', 'x'],
        ['X-Odd', 'a\x01b'],
        ['Origin', 'http://o.test'],
        ['Transfer-Encoding', 'chunked'],
      ],
    });
    expect(server.records[0]?.body.toString()).toBe('abc');
  });

  it('echoes the requested method and headers on a preflight', async () => {
    server = await createRecordingServer();
    const reply = await send(
      server.port,
      'OPTIONS /probe/b HTTP/1.1\r\nHost: x\r\nOrigin: http://o.test\r\nAccess-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: x-a,x-b\r\n\r\n',
    );
    expect(reply).toContain('Access-Control-Allow-Methods: PUT');
    expect(reply).toContain('Access-Control-Allow-Headers: x-a,x-b');
    expect(server.recordsUnder('/probe/')).toHaveLength(1);
  });
});
