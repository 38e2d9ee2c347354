import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, resolveConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { crosswiseDevProbe } from '../../src/vite/index.js';
import { createRecordingServer } from '../helpers/recording-server.js';

// The plugin in a real Vite 8 dev server (Vite comes with vitest): the probe answers on the dev server, and a build
// does not include the plugin at all.
const root = mkdtempSync(join(tmpdir(), 'crosswise-vite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('crosswise/vite', () => {
  it('mounts the dev probe on the dev server', async () => {
    const api = await createRecordingServer();
    api.route('/items', (request) => ({
      status: request.method === 'OPTIONS' ? 204 : 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' },
    }));
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [crosswiseDevProbe()],
      server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
      const response = await fetch(`${origin}/__crosswise/probe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({
          url: `${api.origin}/items`,
          method: 'PUT',
          unsafeHeaders: [],
          credentials: 'same-origin',
          origin,
          preflight: true,
          engine: 'chromium',
        }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ findings: [{ code: 'method_not_allowed', confidence: 'confirmed', received: 'GET' }] });
    } finally {
      await server.close();
      await api.close();
    }
  });

  it('is absent from a build (apply: serve)', async () => {
    const build = await resolveConfig({ configFile: false, root, logLevel: 'silent', plugins: [crosswiseDevProbe()] }, 'build');
    expect(build.plugins.map((plugin) => plugin.name)).not.toContain('crosswise:dev-probe');
    const serve = await resolveConfig({ configFile: false, root, logLevel: 'silent', plugins: [crosswiseDevProbe()] }, 'serve');
    expect(serve.plugins.map((plugin) => plugin.name)).toContain('crosswise:dev-probe');
  });
});
