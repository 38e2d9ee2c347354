import { gzipSync } from 'node:zlib';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';

/** Bundles an entry the way users' bundlers would (ky and zod external), minifies, gzips (level 9): bytes. */
export async function minGzipSize(entry: string): Promise<{ minified: number; gzipped: number }> {
  const bundle = await rollup({
    input: entry,
    external: (id) => id === 'ky' || id === 'zod' || id.startsWith('zod/'),
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
