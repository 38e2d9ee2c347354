import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProbeHandler } from '../../src/dev/index.js';
import type { RecordingServer } from '../helpers/recording-server.js';

// The page's origin as a dev server has it: the dev probe at /__crosswise/probe, everything else passed through to
// the recording page server (modules, reporting pages), as Vite's connect stack would.
export interface ProbePageServer {
  origin: string;
  close(): Promise<void>;
}

export async function createProbePageServer(page: RecordingServer): Promise<ProbePageServer> {
  const probe = createProbeHandler({ timeout: 2000 });
  const server: Server = createServer((req, res) =>
    probe(req, res, () => {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: page.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
