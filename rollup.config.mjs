// Builds each public entry as ESM with one bundled .d.ts per entry, and the CLI. ESM only, as ky 2 is: Node ≥ 22.12
// `require()`s an ES module synchronously, so CommonJS callers load this build too (test/dist/package.test.ts).
import { dts } from 'rollup-plugin-dts';
import { transpileTypeScript } from './scripts/rollup-transpile.mjs';

// dev and vite are Node-only (the dev probe and its Vite plugin); the others run in pages.
const entries = { index: 'src/index.ts', cors: 'src/cors/index.ts', jsonp: 'src/jsonp/index.ts', fetch: 'src/fetch/index.ts', dev: 'src/dev/index.ts', vite: 'src/vite/index.ts' };
// Peers stay peers: the app brings its own ky (and zod, if it uses zod); Node's modules are Node's.
const external = (id) => id === 'ky' || id === 'zod' || id.startsWith('zod/') || id.startsWith('node:');

export default [
  {
    input: entries,
    external,
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [transpileTypeScript()],
  },
  {
    input: entries,
    external,
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name]-[hash].d.ts' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  {
    // The CLI: Node only, ESM, executable.
    input: { cli: 'src/cli/bin.ts' },
    external: (id) => id.startsWith('node:'),
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    plugins: [transpileTypeScript()],
  },
];
