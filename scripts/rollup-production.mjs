// A rollup plugin for the production build (the `production` export condition): every module named `words.ts` — the
// one home of a layer's prose (src/cors/words.ts, src/jsonp/words.ts) — is replaced by its sibling
// `words.production.ts`, which gives the same fields with codes and docs links instead of sentences.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** @returns {import('rollup').Plugin} */
export function productionWords() {
  return {
    name: 'crosswise-production-words',
    resolveId(source, importer) {
      if (importer === undefined || !/^\.\/words\.js$/.test(source)) return null;
      const candidate = resolve(dirname(importer), 'words.production.ts');
      // A words module with no production twin would ship full text silently: refuse the build instead.
      if (!existsSync(candidate)) throw new Error(`${importer} imports ./words.js, which has no words.production.ts beside it`);
      return candidate;
    },
  };
}
