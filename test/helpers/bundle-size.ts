import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import { rollup, type RollupCache } from 'rollup';
import { transpileTypeScript } from '../../scripts/rollup-transpile.mjs';

const peer = (id: string): boolean => id === 'ky' || id === 'zod' || id.startsWith('zod/');

/** A bundle's weight in bytes: minified, and minified then gzipped (level 9). */
export interface BundleSize {
  minified: number;
  gzipped: number;
}

/**
 * Bundles an entry the way users' bundlers would (ky and zod external, plus whatever `alsoExternal` names), minifies,
 * gzips (level 9): bytes. Pass the `cache` of an earlier call so the sources are transpiled once for every bundle.
 */
export async function minGzipSize(entry: string, alsoExternal: (id: string) => boolean = () => false, cache?: { rollup?: RollupCache | undefined }): Promise<BundleSize> {
  const bundle = await rollup({
    input: entry,
    external: (id) => peer(id) || alsoExternal(id),
    plugins: [transpileTypeScript()],
    // Reuse the transpiled modules, not their resolved imports: each bundle draws its own external line.
    cache: cache?.rollup === undefined ? undefined : { ...cache.rollup, modules: cache.rollup.modules.map((module) => ({ ...module, resolvedIds: {} })) },
    onwarn: () => undefined,
  });
  if (cache !== undefined) cache.rollup = bundle.cache;
  try {
    const { output } = await bundle.generate({ format: 'es', plugins: [terser({ ecma: 2020, module: true, toplevel: true, compress: { passes: 3, unsafe: true, unsafe_arrows: true }, format: { comments: false } })] });
    const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
    return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
  } finally {
    await bundle.close();
  }
}

/** Every bundle of `entries`, measured in one pass that transpiles each source file once. */
export async function measureSizes(entries: readonly SizeEntry[]): Promise<Map<SizeEntry, BundleSize>> {
  const cache: { rollup?: RollupCache | undefined } = {};
  const sizes = new Map<SizeEntry, BundleSize>();
  for (const entry of entries) sizes.set(entry, await minGzipSize(entry.entry, entry.alsoExternal, cache));
  return sizes;
}

/** One measured bundle: the target, and the ceiling the test enforces so that nothing grows unnoticed. */
export interface SizeEntry {
  name: string;
  entry: string;
  /** What the bundle holds, in a few words. */
  holds: string;
  /** The target the project set (min+gz bytes). */
  target: number;
  /** The most the test lets it weigh today: the target where it is met, else today's size and a small margin. */
  ceiling: number;
  alsoExternal?: (id: string) => boolean;
}

// The client imports the rules and the loader only through their entries: marking those external leaves the client's own layer.
const ownEntries = (id: string): boolean => /\/(cors|jsonp)\/index\.js$/.test(id);

export const SIZE_ENTRIES: readonly SizeEntry[] = [
  { name: 'crosswise/cors', entry: 'src/cors/index.ts', holds: 'the whole rules engine: predictCors with every reason text, engine profiles, the response checks per engine with their texts and Access-Control-Expose-Headers', target: 2500, ceiling: 11600 },
  { name: 'crosswise/jsonp', entry: 'src/jsonp/index.ts', holds: 'loadJsonp and its errors', target: 900, ceiling: 1380 },
  { name: 'crosswise', entry: 'src/index.ts', holds: 'the client entry as an app ships it: client, endpoints, errors, and the rules and the loader it uses', target: 4000, ceiling: 21600 },
  { name: 'crosswise (client layer)', entry: 'src/index.ts', holds: 'the same, less the rules engine and the loader (counted above)', target: 4000, ceiling: 12600, alsoExternal: ownEntries },
  { name: 'crosswise/fetch', entry: 'src/fetch/index.ts', holds: 'createFetch as an app ships it: the transport, policies, diagnosis, errors, and the rules and the loader it uses (no ky)', target: 4000, ceiling: 20000 },
];
