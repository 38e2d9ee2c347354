import { readFileSync } from 'node:fs';
import { IMPORT_MAP, type DemoServers } from '../demo/server.js';

// Node side of the playground: its page at `/` on the demo's page origin, with the demo's import map (so the page
// imports the built `crosswise` and `crosswise/cors`) and the API origin the form starts from. Everything else the
// page needs (/playground/*.js and .css) the demo's page server already serves.

/** The path the playground lives at on the page origin. */
export const PLAYGROUND_PATH = '/';

const attribute = (value: string): string => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

export function servePlayground(servers: DemoServers): void {
  servers.page(PLAYGROUND_PATH, () => {
    // Read per request, like the modules, so an edit to the page shows on reload.
    const html = readFileSync(new URL('./index.html', import.meta.url), 'utf8');
    return { status: 200, body: html.replace('<!--import-map-->', IMPORT_MAP).replace('{{api-origin}}', attribute(servers.apiOrigin)) };
  });
}
