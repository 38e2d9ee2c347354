import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crosswise, probe } from '../helpers/cli.js';

// probe over TLS on its own sockets: the server's certificate is checked (a self-signed one is a network error), and
// with that certificate trusted the call is judged. A throwaway certificate for localhost, made with openssl.

const folder = mkdtempSync(join(tmpdir(), 'crosswise-tls-'));
let hasOpenssl = true;
try {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(folder, 'key.pem'),
      '-out',
      join(folder, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
} catch {
  hasOpenssl = false;
}

let server: Server | undefined;
let origin = '';
beforeAll(async () => {
  if (!hasOpenssl) return;
  server = createServer(
    { key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) },
    (_request, response) => {
      response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' }).end('ok');
    },
  );
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const address = listening.address();
  origin = typeof address === 'object' && address !== null ? `https://localhost:${address.port}` : '';
});
afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

describe.skipIf(!hasOpenssl)('probe over https', () => {
  it('refuses a certificate nobody trusts: a network error, nothing judged', async () => {
    const run = await probe(`${origin}/x`, 'https://app.example');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SELF_SIGNED_CERT');
  });

  it('judges the answer once the certificate is trusted (SNI and verification by host name)', async () => {
    const run = await crosswise(['probe', `${origin}/x`, '--origin', 'https://app.example'], {
      env: { NODE_EXTRA_CA_CERTS: join(folder, 'cert.pem') },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/webkit\s+allowed/);
  });
});
