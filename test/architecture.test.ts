import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers and what each may import besides its own folder: the pure ones ship as their own entry points
// and must not drag ky, zod or the client in; the client depends on the rules, never the other way round.
const LAYERS: Record<string, readonly string[]> = {
  'src/cors': [],
  // The loader stands alone: it imports nothing, not even the docs' address (it keeps a copy, checked below).
  'src/jsonp': [],
  'src/policy': ['../cors/'],
  'src/errors': ['../cors/'],
  'src/client': ['../cors/', '../errors/', '../policy/', '../jsonp/index.js', 'ky'],
  'src/endpoints': ['../client/', '../errors/'],
  // No ky: crosswise/fetch serves apps that do not use it.
  'src/fetch': ['../client/', '../cors/', '../errors/', '../policy/'],
  'src/cli': ['../cors/', '../policy/', 'node:'],
  'src/dev': ['../cors/', 'node:'],
  'src/vite': ['../dev/'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

/** A relative import as written from the layer's own folder: `../../cors/x.js` in src/policy/rewrites reads `../cors/x.js`. */
function fromLayer(folder: string, file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const path = relative(folder, resolve(dirname(file), specifier))
    .split(sep)
    .join('/');
  return path.startsWith('../') ? path : `./${path}`;
}

describe('architecture', () => {
  for (const [folder, allowed] of Object.entries(LAYERS).filter(([dir]) => existsSync(dir))) {
    it(`${folder} imports only ${allowed.length === 0 ? 'itself' : allowed.join(' ')}`, () => {
      const escapes = sourceFiles(folder).flatMap((file) =>
        importsOf(file)
          .map((specifier) => fromLayer(folder, file, specifier))
          .filter(
            (specifier) =>
              !(specifier.startsWith('./') && !specifier.includes('..')) &&
              !allowed.some((prefix) => specifier === prefix || specifier.startsWith(prefix)),
          )
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

describe("the JSONP loader's copy of its docs address", () => {
  it("is the address the docs' one home gives for jsonp.md", async () => {
    const { JSONP_DOCS_URL } = await import('../src/jsonp/docs-url.js');
    const { docsUrl } = await import('../src/cors/docs-url.js');
    expect(JSONP_DOCS_URL).toBe(docsUrl('jsonp.md'));
  });
});
