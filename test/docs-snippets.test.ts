import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every ```ts block of README.md and docs/*.md is type-checked against the sources, as a user's file importing
// 'crosswise' would be. A block preceded by `<!-- snippet:skip reason -->` is left out, with its reason in view.
const root = resolve(import.meta.dirname, '..');
const out = join(root, '.cache', 'snippets');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

function snippets(file: string): { name: string; code: string }[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: { name: string; code: string }[] = [];
  const pattern = /(<!--\s*snippet:skip[^>]*-->\s*)?```ts\n([\s\S]*?)```/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) continue;
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ name: `${file.replace(/[/.]/g, '_')}_L${line}.ts`, code: match[2] ?? '' });
  }
  return found;
}

describe('documentation examples', () => {
  it('type-check', () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const files = documents.flatMap(snippets).map(({ name, code }) => {
      const path = join(out, name);
      writeFileSync(path, /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`);
      return path;
    });
    expect(files.length).toBeGreaterThan(5);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    const options: ts.CompilerOptions = {
      ...config?.options,
      noEmit: true,
      // A snippet shows a call and names its result for the reader: unused names are its point, not a fault.
      noUnusedLocals: false,
      noUnusedParameters: false,
      paths: {
        crosswise: [join(root, 'src/index.ts')],
        'crosswise/cors': [join(root, 'src/cors/index.ts')],
        'crosswise/jsonp': [join(root, 'src/jsonp/index.ts')],
        'crosswise/fetch': [join(root, 'src/fetch/index.ts')],
        'crosswise/dev': [join(root, 'src/dev/index.ts')],
        'crosswise/vite': [join(root, 'src/vite/index.ts')],
      },
    };
    const program = ts.createProgram(files, options);
    // Only the snippets' own diagnostics (and the program-wide ones): checking every source file too, to throw its
    // diagnostics away, was most of this test's time; tsc checks the sources.
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...files.flatMap((file) => {
        const source = program.getSourceFile(file);
        return source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      }),
    ];
    const report = diagnostics.map((d) => {
      const where =
        d.file === undefined || d.start === undefined
          ? ''
          : `${d.file.fileName.slice(out.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} `;
      return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(report).toEqual([]);
  });
});
