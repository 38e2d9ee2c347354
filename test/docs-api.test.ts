import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS, generateApiDoc } from '../scripts/api-doc/generate.js';

// docs/api.md is generated from the types and JSDoc: it must be what the generator writes today, and name every export.
const root = resolve(import.meta.dirname, '..');
const committed = readFileSync(join(root, 'docs', 'api.md'), 'utf8');

// Read from the syntax alone, apart from the generator's type checker, so a bug there cannot hide a name here.
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause))
        throw new Error(`${file}: \`export *\` hides its names`);
      return statement.exportClause.elements.map((element) => element.name.text);
    }
    const exported =
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) === true;
    if (!exported) return [];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source));
    const name = (statement as { name?: ts.Identifier }).name;
    return name === undefined ? [] : [name.text];
  });
}

function section(entry: string): string {
  const start = committed.indexOf(`\n## \`${entry}\`\n`);
  const end = committed.indexOf('\n## ', start + 1);
  return start === -1 ? '' : committed.slice(start, end === -1 ? undefined : end);
}

describe('docs/api.md', () => {
  it('is what `npm run docs:api` writes from the current sources', () => {
    expect(committed, 'docs/api.md is out of date: run `npm run docs:api` and commit the result').toBe(generateApiDoc(root).markdown);
  });

  for (const entry of ENTRY_POINTS) {
    it(`documents every name ${entry.name} exports`, () => {
      const names = exportedNames(entry.file);
      expect(names.length).toBeGreaterThan(0);
      const text = section(entry.name);
      expect(names.filter((name) => !text.includes(`\n#### \`${name}\`\n`))).toEqual([]);
    });
  }

  it('keeps declarations out of the ```ts blocks test/docs-snippets.test.ts type-checks', () => {
    expect(committed).not.toMatch(/```ts\n/);
  });
});
