import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';

const peer = (id: string): boolean => id === 'ky' || id === 'zod' || id.startsWith('zod/');

/**
 * Bundles an entry the way users' bundlers would (ky and zod external, plus whatever `alsoExternal` names), minifies,
 * gzips (level 9): bytes.
 */
export async function minGzipSize(entry: string, alsoExternal: (id: string) => boolean = () => false): Promise<{ minified: number; gzipped: number }> {
  const bundle = await rollup({
    input: entry,
    external: (id) => peer(id) || alsoExternal(id),
    plugins: [typescript({ tsconfig: './tsconfig.build.json', compilerOptions: { declaration: false }, outputToFilesystem: false }), terser({ ecma: 2020, module: true, toplevel: true, compress: { passes: 3, unsafe: true, unsafe_arrows: true }, format: { comments: false } })],
    onwarn: () => undefined,
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
    return { minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
  } finally {
    await bundle.close();
  }
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
  { name: 'crosswise', entry: 'src/index.ts', holds: 'the client entry as an app ships it: client, endpoints, errors, and the rules and the loader it uses', target: 4000, ceiling: 21400 },
  { name: 'crosswise (client layer)', entry: 'src/index.ts', holds: 'the same, less the rules engine and the loader (counted above)', target: 4000, ceiling: 12500, alsoExternal: ownEntries },
];
