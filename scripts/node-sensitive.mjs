// Which unit test files can answer differently under another Node: `npm test` runs those under every supported Node
// (scripts/node-versions.mjs) and the rest once, under the newest. The rule reads the files, so a new test file is
// classified the moment it exists: there is no list to forget.
//
// A file is Node-sensitive when it, or a local module it imports (followed through test/, examples/ and scripts/),
//   - imports a Node built-in that does I/O or runs code (processes, sockets, HTTP, streams, workers, vm, module);
//   - spawns Node (`process.execPath`) or imports the built package (`dist/`);
//   - imports a Node-only entry of the sources (src/cli, src/dev, src/vite).
// Real HTTP through Node's fetch comes in through the loopback servers' modules (node:net, node:http). Pure computation,
// file reading, happy-dom and in-memory Request/Response objects give the same answer under any Node: the browsers, not
// Node, are the authority for those classes, and the conformance runs compare against them.
// A file can overrule the rule in a comment, with its reason: `// node-versions: once` (it only reads files, whatever it
// spawns) or `// node-versions: all`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const MARKERS = [
  /from ['"]node:(child_process|http|https|http2|net|tls|dns|dgram|stream|stream\/web|worker_threads|vm|module)['"]/,
  /process\.execPath/,
  /from ['"](\.\.\/)+dist\//,
  /from ['"](\.\.\/)+src\/(cli|dev|vite)\//,
];
/** A file's own word, with its reason beside it, overrides the rule: `// node-versions: once` or `// node-versions: all`. */
const PRAGMA = /\/\/ node-versions: (once|all)\b/;
const LOCAL_IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const FOLLOWED = ['test', 'examples', 'scripts'];

/** The unit test files (not *.browser / *.engines), relative to `root`, sorted. */
export function unitTestFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.test\.ts$/.test(entry.name) && !/\.(browser|engines)\.test\.ts$/.test(entry.name)) files.push(path);
    }
  };
  walk('test');
  return files.sort();
}

/** The source file an import specifier names (`./x.js` is `./x.ts` in this repository), or undefined. */
function resolveLocal(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((path) => existsSync(path) && !path.endsWith('/'));
}

/** Why `file` is Node-sensitive (the marker and the file it was found in), or undefined when it is not. */
export function nodeSensitivity(root, file, seen = new Set()) {
  const path = resolve(root, file);
  if (seen.has(path)) return undefined;
  seen.add(path);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const pragma = text.match(PRAGMA)?.[1];
  if (pragma === 'once' && seen.size === 1) return undefined;
  if (pragma === 'all') return { file: relative(root, path), marker: pragma };
  const marker = MARKERS.find((pattern) => pattern.test(text));
  if (marker !== undefined) return { file: relative(root, path), marker: String(text.match(marker)?.[0]) };
  for (const [, specifier] of text.matchAll(LOCAL_IMPORT)) {
    const target = resolveLocal(path, specifier);
    if (target === undefined || !FOLLOWED.some((dir) => relative(root, target).startsWith(`${dir}/`))) continue;
    const found = nodeSensitivity(root, target, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The unit test files that run under every supported Node. */
export function nodeSensitiveTests(root) {
  return unitTestFiles(root).filter((file) => nodeSensitivity(root, file) !== undefined);
}
