import { createServer, type Server } from 'node:http';

// A legacy JSONP service on loopback: the shapes of response the loader must survive.
export interface LegacyServer {
  origin: string;
  hits: () => number;
  close: () => Promise<void>;
}

export async function createLegacyServer(): Promise<LegacyServer> {
  let hits = 0;
  const server: Server = createServer((request, response) => {
    hits++;
    const url = new URL(request.url ?? '/', 'http://x');
    const callback = url.searchParams.get('callback') ?? url.searchParams.get('cb') ?? 'missing';
    const js = (body: string, delay = 0): void => {
      setTimeout(() => {
        response.writeHead(200, { 'Content-Type': 'application/javascript' });
        response.end(body);
      }, delay);
    };
    switch (url.pathname) {
      case '/data':
        return js(`${callback}(${JSON.stringify({ id: Number(url.searchParams.get('id') ?? 1), name: 'Ada' })});`);
      case '/slow':
        return js(`${callback}({"late":true});`, Number(url.searchParams.get('ms') ?? 1500));
      case '/plain':
        // A plain-JSON endpoint read as a script: an object literal in parentheses runs, and calls nothing.
        return js('({"not":"jsonp"})');
      case '/echo':
        // The request target exactly as the browser sent it, to check that the loader keeps the query byte for byte.
        return js(`${callback}(${JSON.stringify({ raw: request.url })});`);
      case '/twice':
        return js(`${callback}({"n":1});${callback}({"n":2});`);
      case '/throws-first':
        // A script that throws before it calls back: it still ran, so the element's load fires.
        return js(`throw new Error('legacy bug'); ${callback}({"never":true});`);
      case '/throws-after':
        return js(`${callback}({"sent":true}); throw new Error('legacy bug after the call');`);
      case '/hostile':
        // A script that tries to outlive its load: it keeps a reference to the callback and calls it again later.
        return js(
          `const kept = ${callback}; kept({"first":true}); setTimeout(() => { kept({"again":true}); window.${callback}?.({"late":true}); }, 50);`,
        );
      case '/fixed':
        return js(`fixedCallback({"fixed":true});`);
      case '/json-mime':
        // With nosniff, browsers refuse to run a JSON MIME type as a script (the strict MIME type check).
        response.writeHead(200, { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' });
        return response.end(`${callback}({"ok":true});`);
      default:
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        return response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
