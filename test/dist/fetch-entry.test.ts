import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// crosswise/fetch serves apps that use no ky: the built entry and every chunk it loads must not import it (ky is a
// peer; an app without it would fail to load the module).
const dist = new URL('../../dist/', import.meta.url);

function importsOf(file: URL): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');
}

/** Every module `entry` loads, relative ones followed, bare ones listed. */
function closure(entry: URL): { files: string[]; bare: string[] } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: URL): void => {
    if (files.has(file.href)) return;
    files.add(file.href);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) visit(new URL(specifier, file));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], bare: [...bare] };
}

describe('the built crosswise/fetch', () => {
  it('imports no ky, directly or through a shared chunk', () => {
    const { files, bare } = closure(new URL('fetch.js', dist));
    expect(files.length).toBeGreaterThan(1);
    expect(bare).toEqual([]);
  });

  it('the check sees ky where it is: the client entry imports it', () => {
    expect(closure(new URL('index.js', dist)).bare).toContain('ky');
  });
});
