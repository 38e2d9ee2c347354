import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { classMembers, declarationText, interfaceMembers, type Member } from './signatures.js';
import { docOf, type Doc } from './source-text.js';

/** The package's entry points, in the order the reference lists them. */
export const ENTRY_POINTS: readonly { name: string; file: string }[] = [
  { name: 'crosswise', file: 'src/index.ts' },
  { name: 'crosswise/cors', file: 'src/cors/index.ts' },
  { name: 'crosswise/jsonp', file: 'src/jsonp/index.ts' },
  { name: 'crosswise/fetch', file: 'src/fetch/index.ts' },
  { name: 'crosswise/dev', file: 'src/dev/index.ts' },
  { name: 'crosswise/vite', file: 'src/vite/index.ts' },
];

export type Group = 'Functions' | 'Classes' | 'Constants' | 'Types and interfaces';
export const GROUPS: readonly Group[] = ['Functions', 'Classes', 'Constants', 'Types and interfaces'];

export interface ApiItem {
  name: string;
  group: Group;
  /** The declaration(s) as written: one per overload, or the type alias's whole definition. */
  declarations: string[];
  members: Member[];
  doc: Doc;
  /** Repository-relative path of the declaring file. */
  source: string;
  /** The entry that documents it in full: the one whose folder holds the declaration (crosswise re-exports cors types). */
  home: string;
}

export interface ApiEntry {
  name: string;
  /** The first sentence of the entry file's opening comment: what the subpath is for. */
  intro: string;
  items: ApiItem[];
}

function groupOf(node: ts.Declaration): Group {
  if (ts.isFunctionDeclaration(node)) return 'Functions';
  if (ts.isClassDeclaration(node)) return 'Classes';
  if (ts.isVariableDeclaration(node)) return 'Constants';
  return 'Types and interfaces';
}

// Overloads are documented by their bodiless signatures, not the implementation's.
export function publicDeclarations(symbol: ts.Symbol): ts.Declaration[] {
  const all = symbol.declarations ?? [];
  const overloads = all.filter((node) => ts.isFunctionDeclaration(node) && node.body === undefined);
  return overloads.length > 0 ? overloads : all.slice(0, 1);
}

// The entry file opens with `// name — what it is. Notes for maintainers.`: the first sentence is for readers.
function introOf(file: ts.SourceFile): string {
  const first = ts.getLeadingCommentRanges(file.text, 0)?.[0];
  const comment = first === undefined ? '' : file.text.slice(first.pos, first.end).replace(/^\/\/\s*/, '');
  const sentence = /—\s*(.*?\.)(\s|$)/.exec(comment)?.[1] ?? '';
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const byName = (a: ApiItem, b: ApiItem): number =>
  a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.name < b.name ? -1 : 1;

/** One entry point's exports as the type checker sees them: the name exported and the symbol it stands for. */
export interface EntryExports {
  entry: { name: string; file: string };
  file: ts.SourceFile;
  symbols: { name: string; target: ts.Symbol }[];
}

/** The entry points read through the project's tsconfig, with the checker that resolved their exports (re-exports followed). */
export function readEntryPoints(
  root: string,
  entries: readonly { name: string; file: string }[] = ENTRY_POINTS,
): { checker: ts.TypeChecker; exportsOf: EntryExports[] } {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (): undefined => undefined };
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, host);
  if (config === undefined) throw new Error('api-doc: cannot read tsconfig.json');
  const program = ts.createProgram(
    entries.map((entry) => join(root, entry.file)),
    { ...config.options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const exportsOf = entries.map((entry) => {
    const file = program.getSourceFile(join(root, entry.file));
    const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (file === undefined || module === undefined) throw new Error(`api-doc: ${entry.file} is not a module`);
    const symbols = checker.getExportsOfModule(module).map((symbol) => ({
      name: symbol.name,
      target: (symbol.flags & ts.SymbolFlags.Alias) === 0 ? symbol : checker.getAliasedSymbol(symbol),
    }));
    return { entry, file, symbols };
  });
  return { checker, exportsOf };
}

/** Reads every export of every entry point through the project's tsconfig and the type checker (re-exports followed). */
export function collectApi(root: string): ApiEntry[] {
  const { checker, exportsOf } = readEntryPoints(root);

  // The home of a name several entries export is the entry whose folder most closely holds its declaration.
  const homeOf = (declaration: ts.Declaration): string => {
    const path = relative(root, declaration.getSourceFile().fileName).split(sep).join('/');
    const holders = exportsOf.filter(({ symbols }) => symbols.some(({ target }) => target.declarations?.includes(declaration)));
    const folder = (file: string): string => `${dirname(file)}/`;
    const best = holders
      .filter(({ entry }) => path.startsWith(folder(entry.file)))
      .sort((a, b) => folder(b.entry.file).length - folder(a.entry.file).length)[0];
    return (best ?? holders[0])?.entry.name ?? '';
  };

  return exportsOf.map(({ entry, file, symbols }) => {
    const exported = new Set(symbols.map(({ target }) => target));
    const items = symbols.map(({ name, target }): ApiItem => {
      const declarations = publicDeclarations(target);
      const first = declarations[0];
      if (first === undefined) throw new Error(`api-doc: ${entry.name} exports ${name} without a declaration`);
      const members = ts.isClassDeclaration(first)
        ? classMembers(first, checker)
        : ts.isInterfaceDeclaration(first)
          ? interfaceMembers(first, checker, (symbol) => exported.has(symbol))
          : [];
      return {
        name,
        group: groupOf(first),
        declarations: declarations.map((node) => declarationText(node, name, checker)),
        members,
        doc: docOf(first),
        source: relative(root, first.getSourceFile().fileName).split(sep).join('/'),
        home: homeOf(first),
      };
    });
    return { name: entry.name, intro: introOf(file), items: items.sort(byName) };
  });
}
