// Builds each public entry as ESM with one bundled .d.ts per entry, and the CLI. ESM only, as ky 2 is: Node ≥ 22.12
// `require()`s an ES module synchronously, so CommonJS callers load this build too (test/dist/package.test.ts).
import { rmSync } from 'node:fs';
import { dts } from 'rollup-plugin-dts';
import { productionWords } from './scripts/rollup-production.mjs';
import { transpileTypeScript } from './scripts/rollup-transpile.mjs';

// dev and vite are Node-only (the dev probe and its Vite plugin); the others run in pages.
const entries = {
  index: 'src/index.ts',
  cors: 'src/cors/index.ts',
  jsonp: 'src/jsonp/index.ts',
  fetch: 'src/fetch/index.ts',
  dev: 'src/dev/index.ts',
  vite: 'src/vite/index.ts',
};
// Peers stay peers: the app brings its own ky (and zod, if it uses zod); Node's modules are Node's.
const external = (id) => id === 'ky' || id === 'zod' || id.startsWith('zod/') || id.startsWith('node:');
// The page entries again, for bundlers that pick the `production` condition: codes and docs links instead of prose.
const pageEntries = { index: entries.index, cors: entries.cors, jsonp: entries.jsonp, fetch: entries.fetch };

// Every build starts from an empty dist/: a chunk left by an earlier build (another hash, another format) would be packed.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });

export default [
  {
    input: entries,
    external,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // No bare `import './chunk.js'` lines: with `sideEffects: false` bundlers warn that they ignore them.
      hoistTransitiveImports: false,
    },
    plugins: [transpileTypeScript()],
  },
  {
    input: pageEntries,
    external,
    // No bare imports of transitive chunks: with `sideEffects: false` esbuild warns that it ignores them.
    output: {
      dir: 'dist/prod',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      hoistTransitiveImports: false,
    },
    plugins: [productionWords(), transpileTypeScript()],
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
