import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The pure layers ship as their own entry points: they must not reach outside their folder (no DOM
// polyfills, no ky, no zod, no client code), or `crosswise/cors` would drag the client in.
const STANDALONE = ['src/cors', 'src/jsonp'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

describe('architecture', () => {
  for (const folder of STANDALONE.filter((dir) => existsSync(dir))) {
    it(`${folder} imports nothing outside itself`, () => {
      const escapes = sourceFiles(folder).flatMap((file) =>
        importsOf(file)
          .filter((specifier) => !specifier.startsWith('./') || specifier.includes('..'))
          .map((specifier) => `${file} → ${specifier}`),
      );
      expect(escapes).toEqual([]);
    });
  }

  it('src files stay under 250 lines', () => {
    const long = sourceFiles('src').filter((file) => readFileSync(file, 'utf8').split('\n').length > 250);
    expect(long).toEqual([]);
  });
});
