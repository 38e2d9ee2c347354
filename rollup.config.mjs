// Builds each public entry as ESM (.js) and CJS (.cjs), with one bundled .d.ts per entry.
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// dev and vite are Node-only (the dev probe and its Vite plugin); the others run in pages.
const entries = { index: 'src/index.ts', cors: 'src/cors/index.ts', jsonp: 'src/jsonp/index.ts', dev: 'src/dev/index.ts', vite: 'src/vite/index.ts' };
// Peers stay peers: the app brings its own ky and zod; Node's modules are Node's.
const external = (id) => id === 'ky' || id === 'zod' || id.startsWith('zod/') || id.startsWith('node:');

export default [
  {
    input: entries,
    external,
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    ],
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
  },
  {
    input: entries,
    external,
    // One declaration tree per module system: under `require`, TypeScript (node16) must see `.d.cts` beside the `.cjs`,
    // or it takes the types for ESM ("masquerading as ESM" in arethetypeswrong).
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name]-[hash].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: '[name]-[hash].d.cts' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
  {
    // The CLI: Node only, ESM, executable.
    input: { cli: 'src/cli/bin.ts' },
    external: (id) => id.startsWith('node:'),
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    plugins: [typescript({ tsconfig: './tsconfig.build.json' })],
  },
];
