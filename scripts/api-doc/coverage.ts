import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { ENTRY_POINTS, publicDeclarations, readEntryPoints } from './collect.js';
import { docOf, isDocumented } from './source-text.js';

// How much of the public surface carries JSDoc, read through the type checker from every entry point. It walks what
// a user of the package can reach: each export, then every member of its classes, interfaces and object types
// (inline ones and those of the types they name, exported or not, as long as they are declared in src/), and the
// parameters of every public function, method and constructor that takes more than one (a lone parameter is what
// the summary is about: `isCorsError(error)`; two or more each need their `@param` to say which is which).

/** One public declaration without JSDoc: `Owner.member` (or `fn(param)`), and the file that declares it. */
export interface DocGap {
  name: string;
  file: string;
}

export interface DocCoverage {
  /** The exported names themselves, each counted once across the entry points. */
  exports: { total: number; documented: number };
  /** Members and parameters reachable from the exports. */
  members: { total: number; documented: number };
  /** Everything undocumented, exports and members, in the order met. */
  gaps: DocGap[];
}

type Named = ts.Declaration & { name?: ts.PropertyName | ts.BindingName };

const has = (node: ts.Declaration, flag: ts.ModifierFlags): boolean => (ts.getCombinedModifierFlags(node) & flag) !== 0;

function isHidden(node: ts.Declaration): boolean {
  const name = (node as Named).name;
  return has(node, ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || (name !== undefined && ts.isPrivateIdentifier(name));
}

function memberName(node: ts.Node): string {
  if (ts.isConstructorDeclaration(node) || ts.isConstructSignatureDeclaration(node)) return 'constructor';
  if (ts.isCallSignatureDeclaration(node)) return '()';
  if (ts.isIndexSignatureDeclaration(node)) return `[${node.parameters[0]?.name.getText() ?? 'key'}]`;
  const name = (node as Named).name;
  return name === undefined ? '?' : name.getText();
}

// A tag: a property whose type is one literal.
const isTag = (node: ts.TypeElement): node is ts.PropertySignature =>
  ts.isPropertySignature(node) && node.type !== undefined && ts.isLiteralTypeNode(node.type);
const tagValue = (node: ts.PropertySignature): string => node.type?.getText().replace(/^['"]|['"]$/g, '') ?? '';

/** Measures the JSDoc of the public surface under `root`: the package's six entry points unless others are named. */
export function measureDocCoverage(root: string, entries: readonly { name: string; file: string }[] = ENTRY_POINTS): DocCoverage {
  const { checker, exportsOf } = readEntryPoints(root, entries);
  const gaps: DocGap[] = [];
  const exports = { total: 0, documented: 0 };
  const members = { total: 0, documented: 0 };
  const seen = new Set<ts.Node>();
  // An export met first as another export's parameter type still counts as an export.
  const exported = new Set(exportsOf.flatMap(({ symbols }) => symbols.flatMap(({ target }) => publicDeclarations(target))));
  const fileOf = (node: ts.Node): string => relative(root, node.getSourceFile().fileName).split(sep).join('/');
  const inSource = (node: ts.Node): boolean => fileOf(node).startsWith('src/');

  const count = (tally: { total: number; documented: number }, documented: boolean, name: string, node: ts.Node): void => {
    tally.total += 1;
    if (documented) tally.documented += 1;
    else gaps.push({ name, file: fileOf(node) });
  };

  // A parameter is documented by a non-empty `@param` of its callable's JSDoc.
  const parameters = (node: ts.SignatureDeclaration, owner: string): void => {
    if (node.parameters.length < 2) return;
    for (const parameter of node.parameters) {
      // `{ a, b }: Options` has no name to tag: its type's members carry the docs.
      if (!ts.isIdentifier(parameter.name)) continue;
      const tagged = ts.getJSDocParameterTags(parameter).some((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim() !== '');
      count(members, tagged, `${owner}(${parameter.name.text})`, parameter);
    }
  };

  // Object-type members (interface, type literal, class) and what their types reach.
  const member = (node: ts.Node, owner: string, discriminant?: ts.Node): void => {
    if (!(ts.isTypeElement(node) || ts.isClassElement(node)) || isHidden(node as ts.Declaration)) return;
    if (node === discriminant) return;
    if (ts.isClassStaticBlockDeclaration(node) || ts.isSemicolonClassElement(node)) return;
    const name = `${owner}.${memberName(node)}`;
    count(members, isDocumented(docOf(node)), name, node);
    if (ts.isConstructorDeclaration(node)) {
      for (const parameter of node.parameters)
        if (ts.isParameterPropertyDeclaration(parameter, node) && !isHidden(parameter))
          count(members, isDocumented(docOf(parameter)), `${owner}.${parameter.name.getText()}`, parameter);
    }
    if (ts.isFunctionLike(node)) {
      parameters(node, name);
      signatureTypes(node, name);
    } else if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.type !== undefined) typeNode(node.type, name);
  };

  const signatureTypes = (node: ts.SignatureDeclaration, owner: string): void => {
    for (const parameter of node.typeParameters ?? []) if (parameter.constraint !== undefined) typeNode(parameter.constraint, owner);
    for (const parameter of node.parameters) if (parameter.type !== undefined) typeNode(parameter.type, owner);
    if (node.type !== undefined) typeNode(node.type, owner);
  };

  // A type as written: inline object types are walked member by member; a named type declared in src/ is visited.
  const typeNode = (node: ts.Node, owner: string): void => {
    if (ts.isTypeLiteralNode(node)) {
      for (const item of node.members) member(item, owner);
      return;
    }
    // A tagged union's variants are told apart by their tag (`{ code: 'invalid_url'; url: string }`): the tag's value
    // names the variant, and the other members are documented as its members.
    if (ts.isUnionTypeNode(node)) {
      for (const variant of node.types) {
        const tag = ts.isTypeLiteralNode(variant) ? variant.members.find(isTag) : undefined;
        if (!ts.isTypeLiteralNode(variant) || tag === undefined) typeNode(variant, owner);
        else for (const item of variant.members) member(item, `${owner}[${memberName(tag)}=${tagValue(tag)}]`, tag);
      }
      return;
    }
    // `T extends { a: infer A }` matches a shape: its members are not the API's.
    if (ts.isConditionalTypeNode(node)) {
      for (const part of [node.checkType, node.trueType, node.falseType]) typeNode(part, owner);
      return;
    }
    // The parameters of a callback type are the caller's to name: only the types they reach are walked.
    if (ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node)) {
      signatureTypes(node, owner);
      return;
    }
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const at = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      let symbol = checker.getSymbolAtLocation(at);
      if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? []) declared(declaration, symbol?.name ?? at.getText());
    }
    ts.forEachChild(node, (child) => {
      if (ts.isTypeNode(child) || ts.isExpressionWithTypeArguments(child)) typeNode(child, owner);
    });
  };

  // A declaration the surface reaches: exported ones are counted as exports, the others as members of the surface.
  const declared = (node: ts.Declaration, name: string): void => {
    if (seen.has(node) || !inSource(node)) return;
    if (
      !(
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isVariableDeclaration(node)
      )
    )
      return;
    seen.add(node);
    // A variable's JSDoc sits on its statement; docOf finds it there.
    count(exported.has(node) ? exports : members, isDocumented(docOf(node)), name, node);
    if (ts.isFunctionDeclaration(node)) {
      parameters(node, name);
      signatureTypes(node, name);
    } else if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
      for (const clause of node.heritageClauses ?? []) for (const base of clause.types) typeNode(base, name);
      for (const item of node.members) member(item, name);
    } else if (ts.isTypeAliasDeclaration(node)) typeNode(node.type, name);
    else if (node.type !== undefined) typeNode(node.type, name);
  };

  for (const { symbols } of exportsOf)
    for (const { name, target } of symbols) for (const declaration of publicDeclarations(target)) declared(declaration, name);
  return { exports, members, gaps };
}

/**
 * What an editor shows a user of the built package: for each entry's emitted declarations (package.json's `types`),
 * every export and every property of its interfaces and classes declared there, by TypeScript's own reading of
 * JSDoc (`getDocumentationComment`). Returns `entry: Name.member` for each one without documentation. It guards
 * what the source measure cannot: a build that drops comments.
 */
export function undocumentedInDeclarations(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, { types?: string }>;
  };
  const entries = Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    target.types === undefined ? [] : [{ name: `${manifest.name}${subpath.slice(1)}`, file: join(root, target.types) }],
  );
  const program = ts.createProgram(
    entries.map((entry) => entry.file),
    {
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    },
  );
  const checker = program.getTypeChecker();
  const dist = join(root, 'dist');
  const documented = (symbol: ts.Symbol): boolean =>
    symbol.getDocumentationComment(checker).length > 0 || symbol.getJsDocTags(checker).length > 0;
  const missing = new Set<string>();
  for (const entry of entries) {
    const file = program.getSourceFile(entry.file);
    const module = file === undefined ? undefined : checker.getSymbolAtLocation(file);
    if (module === undefined) throw new Error(`api-doc: ${entry.file} is missing or not a module (run the build)`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = (exported.flags & ts.SymbolFlags.Alias) === 0 ? exported : checker.getAliasedSymbol(exported);
      if (!documented(symbol)) missing.add(`${entry.name}: ${exported.name}`);
      if ((symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) === 0) continue;
      for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
        // Members a base from outside the package brings (Error's `message`, ky's options) are documented there.
        const declaration = property.declarations?.[0];
        if (declaration === undefined || !declaration.getSourceFile().fileName.startsWith(dist)) continue;
        // `#private` and `private x` are in a .d.ts for the type's shape only: no user reads or writes them.
        if (property.name.startsWith('#') || isHidden(declaration) || documented(property)) continue;
        missing.add(`${entry.name}: ${exported.name}.${property.name}`);
      }
    }
  }
  return [...missing];
}
