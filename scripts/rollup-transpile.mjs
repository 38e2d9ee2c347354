// A rollup plugin that turns each TypeScript file into JavaScript on its own (ts.transpileModule), without type-checking:
// `isolatedModules` guarantees per-file emit is exact, and `npm run typecheck` does the checking once. It is what the
// build and the size measurement share; @rollup/plugin-typescript type-checked the whole program on every build (~4× slower).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, sourceMap: false };

/** @returns {import('rollup').Plugin} */
export function transpileTypeScript() {
  return {
    name: 'crosswise-transpile',
    // The sources import './x.js' (what the emitted file will be called): point rollup at './x.ts'.
    resolveId(source, importer) {
      if (importer === undefined || !importer.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const candidate = resolve(dirname(importer), `${source.slice(0, -'.js'.length)}.ts`);
      return existsSync(candidate) ? candidate : null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const { outputText } = ts.transpileModule(code, { fileName: id, compilerOptions });
      return { code: outputText, map: null };
    },
  };
}
