import { readFileSync } from 'node:fs';

// The version `--version` prints, read from the package's own package.json at run time: the built dist/cli.js and the
// source file sit at different depths, so look upwards for the first package.json named crosswise.

const NAME = 'crosswise';

/** The installed package's version, or null when its package.json cannot be found. */
export function packageVersion(from: string = import.meta.url): string | null {
  let directory = new URL('./', from);
  for (let depth = 0; depth < 8; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(new URL('package.json', directory), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === NAME && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here, or not JSON: keep looking further up.
    }
    const parent = new URL('../', directory);
    if (parent.href === directory.href) break;
    directory = parent;
  }
  return null;
}
