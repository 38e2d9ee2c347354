import type { RecordingServer } from './recording-server.js';

// The legacy JSONP endpoint the client's and createFetch's JSONP paths load, in happy-dom and in real browsers alike.

/** A JSONP endpoint under `prefix` on `server`: every path answers a script calling the request's `callback` with `{ ok: true }`. */
export function serveJsonp(server: RecordingServer, prefix: string): void {
  server.routePrefix(prefix, (request) => {
    const callback = new URL(request.path, 'http://x').searchParams.get('callback') ?? 'missing';
    return { status: 200, headers: { 'Content-Type': 'application/javascript' }, body: `${callback}({"ok":true});` };
  });
}
