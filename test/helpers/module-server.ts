import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { RecordingServer } from './recording-server.js';

// Serves the library's TypeScript sources to a real page as ES modules, transpiled file by file on request,
// and ky from node_modules, so browser tests run the code under test without a build step.
const ROOT = new URL('../../', import.meta.url);
// A sandboxed page (opaque origin) loads these module scripts cross-origin, in cors mode.
const JS = { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' };

/** The import map that resolves `ky` for those modules; under a nonce CSP it needs the page's nonce like any inline script. */
export const importMap = (nonce?: string): string =>
  `<script type="importmap"${nonce === undefined ? '' : ` nonce="${nonce}"`}>{"imports":{"ky":"/node_modules/ky/distribution/index.js"}}</script>`;

export function serveModules(server: RecordingServer): void {
  server.routePrefix('/src/', (request) => {
    const path = request.path.split('?')[0] ?? '';
    if (!/^\/src\/[\w/-]+\.js$/.test(path)) return { status: 404 };
    const source = readFileSync(new URL(`.${path.replace(/\.js$/, '.ts')}`, ROOT), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    return { status: 200, headers: JS, body: output.outputText };
  });
  server.routePrefix('/node_modules/ky/', (request) => {
    const path = request.path.split('?')[0] ?? '';
    if (!/^\/node_modules\/ky\/distribution\/[\w/.-]+\.js$/.test(path)) return { status: 404 };
    return { status: 200, headers: JS, body: readFileSync(new URL(`.${path}`, ROOT)) };
  });
}
