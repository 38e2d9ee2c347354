import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

// A real Vite production build of examples/vite-app: the app imports `crosswise` by its package name, so Vite's
// resolver reads package.json `exports` and picks the `production` condition, as in any app. crosswise's modules
// and ky's each go into a chunk of their own, so the crosswise chunk's bytes are what the app ships of crosswise
// (minified by Vite; gzipped here at level 9, as test/helpers/bundle-size.ts does).

const APP = fileURLToPath(new URL('../../examples/vite-app/', import.meta.url));

/** What the crosswise chunk of the app's production build weighs and holds. */
export interface ViteAppBuild {
  /** The Vite version that built it. */
  vite: string;
  minified: number;
  gzipped: number;
  /** The files of the package the chunk was built from, relative to the package root (`dist/prod/index.js` …). */
  modules: string[];
  /** The chunk's code. */
  code: string;
}

/** Builds examples/vite-app with Vite in production mode, in memory (nothing is written), from a fresh dist/. */
export async function buildViteApp(): Promise<ViteAppBuild> {
  // The app imports the built package, so a stale dist/ would measure yesterday's code.
  buildIfStale();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { version } = await import('vite');
  // `vite build` sets NODE_ENV to production when it is unset, as in an app's shell, and Vite picks the `production`
  // condition from it; vitest sets it to 'test', under which Vite would pick the default build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  const result = await build({
    configFile: false,
    root: APP,
    logLevel: 'silent',
    mode: 'production',
    build: {
      write: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'ky', test: /node_modules[\\/]ky[\\/]/, priority: 2 },
              // Whatever Vite resolved `crosswise` to inside this package: dist/prod/ when the condition was picked.
              { name: 'crosswise', test: (id: string) => id.startsWith(`${root}dist/`), priority: 1 },
            ],
          },
        },
      },
    },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap(({ output }) => output).find((item) => item.type === 'chunk' && item.name === 'crosswise');
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error('the Vite build has no crosswise chunk');
  return {
    vite: version,
    minified: Buffer.byteLength(chunk.code),
    gzipped: gzipSync(chunk.code, { level: 9 }).length,
    modules: Object.keys(chunk.modules).map((id) => (id.startsWith(root) ? id.slice(root.length) : id)),
    code: chunk.code,
  };
}
