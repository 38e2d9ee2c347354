import ts from 'typescript';
import { docOf, typeText, verbatim, type Doc } from './source-text.js';

/** One public member of a class or interface: its signature as declared, its JSDoc, and the base it comes from. */
export interface Member {
  signature: string;
  doc: Doc;
  from?: string;
}

const has = (node: ts.Declaration, flag: ts.ModifierFlags): boolean => (ts.getCombinedModifierFlags(node) & flag) !== 0;

function parameter(node: ts.ParameterDeclaration, checker: ts.TypeChecker): string {
  // A default value makes the parameter optional to callers, as in a .d.ts.
  const optional = node.questionToken !== undefined || node.initializer !== undefined;
  return `${node.dotDotDotToken === undefined ? '' : '...'}${node.name.getText()}${optional ? '?' : ''}: ${typeText(node.type, node, checker)}`;
}

/** `prefix<T>(a: A, b: B): R`, one parameter per line when the line would pass 120 characters. */
export function callable(prefix: string, node: ts.SignatureDeclaration, checker: ts.TypeChecker): string {
  const typeParameters = node.typeParameters === undefined ? '' : `<${node.typeParameters.map(verbatim).join(', ')}>`;
  const parameters = node.parameters.map((item) => parameter(item, checker));
  const signature = checker.getSignatureFromDeclaration(node);
  const inferred =
    signature === undefined
      ? 'unknown'
      : checker.typeToString(checker.getReturnTypeOfSignature(signature), undefined, ts.TypeFormatFlags.NoTruncation);
  const returns = ts.isConstructorDeclaration(node) ? '' : `: ${node.type === undefined ? inferred : typeText(node.type, node, checker)}`;
  const line = `${prefix}${typeParameters}(${parameters.join(', ')})${returns}`;
  if ((line.length <= 120 && !line.includes('\n')) || parameters.length === 0) return line;
  return `${prefix}${typeParameters}(\n${parameters.map((item) => `  ${item.replace(/\n/g, '\n  ')},`).join('\n')}\n)${returns}`;
}

// `name = 'X' as const` and `readonly flag = true` read best as their literal, not the checker's double-quoted type.
function initializerType(node: ts.PropertyDeclaration, checker: ts.TypeChecker): string {
  const value = node.initializer;
  if (value !== undefined && ts.isAsExpression(value) && value.type.getText() === 'const') return value.expression.getText();
  if (value !== undefined && ts.isLiteralExpression(value) && has(node, ts.ModifierFlags.Readonly)) return value.getText();
  if (
    value !== undefined &&
    (value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) &&
    has(node, ts.ModifierFlags.Readonly)
  )
    return value.getText();
  return typeText(undefined, node, checker);
}

function property(node: ts.PropertySignature | ts.PropertyDeclaration | ts.ParameterDeclaration, checker: ts.TypeChecker): string {
  const type =
    ts.isPropertyDeclaration(node) && node.type === undefined ? initializerType(node, checker) : typeText(node.type, node, checker);
  // A commented multi-line type (a union with a note per member) is shown as written, notes included.
  if (type.includes('\n')) return verbatim(node).replace(/^((override|declare|public)\s+)+/, '');
  const prefix = `${has(node, ts.ModifierFlags.Static) ? 'static ' : ''}${has(node, ts.ModifierFlags.Readonly) ? 'readonly ' : ''}`;
  return `${prefix}${node.name.getText()}${node.questionToken === undefined ? '' : '?'}: ${type}`;
}

function isHidden(node: ts.ClassElement | ts.ParameterDeclaration): boolean {
  return has(node, ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || (node.name !== undefined && ts.isPrivateIdentifier(node.name));
}

/** The public members of a class: the constructor first, then the rest in declaration order; parameter properties count as properties. */
export function classMembers(node: ts.ClassDeclaration, checker: ts.TypeChecker): Member[] {
  const ordered = [...node.members].sort((a, b) => Number(ts.isConstructorDeclaration(b)) - Number(ts.isConstructorDeclaration(a)));
  return ordered.flatMap((member): Member[] => {
    if (isHidden(member)) return [];
    const doc = docOf(member);
    const name = member.name?.getText() ?? '';
    const prefix = has(member, ts.ModifierFlags.Static) ? 'static ' : '';
    if (ts.isConstructorDeclaration(member)) {
      const fields = member.parameters.filter((item) => ts.isParameterPropertyDeclaration(item, member) && !isHidden(item));
      return [
        { signature: callable('constructor', member, checker), doc },
        ...fields.map((item) => ({ signature: property(item, checker), doc: docOf(item) })),
      ];
    }
    if (ts.isPropertyDeclaration(member)) return [{ signature: property(member, checker), doc }];
    if (ts.isMethodDeclaration(member)) return [{ signature: callable(`${prefix}${name}`, member, checker), doc }];
    if (ts.isGetAccessorDeclaration(member)) return [{ signature: callable(`${prefix}get ${name}`, member, checker), doc }];
    if (ts.isSetAccessorDeclaration(member)) return [{ signature: callable(`${prefix}set ${name}`, member, checker), doc }];
    if (ts.isIndexSignatureDeclaration(member)) return [{ signature: verbatim(member).replace(/;$/, ''), doc }];
    return [];
  });
}

function interfaceMember(member: ts.TypeElement, checker: ts.TypeChecker): string {
  const name = member.name?.getText() ?? '';
  const optional = member.questionToken === undefined ? '' : '?';
  if (ts.isPropertySignature(member)) return property(member, checker);
  if (ts.isMethodSignature(member)) return callable(`${name}${optional}`, member, checker);
  if (ts.isCallSignatureDeclaration(member)) return callable('', member, checker);
  if (ts.isConstructSignatureDeclaration(member)) return callable('new ', member, checker);
  return verbatim(member).replace(/;$/, '');
}

/**
 * An interface's own members, then those it inherits from bases the entry does not export (a reader could not
 * look those up); members of exported bases are documented there.
 */
export function interfaceMembers(
  node: ts.InterfaceDeclaration,
  checker: ts.TypeChecker,
  isExported: (symbol: ts.Symbol) => boolean,
): Member[] {
  const own = node.members.map((member) => ({ signature: interfaceMember(member, checker), doc: docOf(member) }));
  const symbol = checker.getSymbolAtLocation(node.name);
  if (symbol === undefined) return own;
  const inherited = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).flatMap((prop): Member[] => {
    const declaration = prop.declarations?.[0];
    const base = declaration?.parent;
    if (
      declaration === undefined ||
      base === node ||
      base === undefined ||
      !ts.isInterfaceDeclaration(base) ||
      !ts.isTypeElement(declaration)
    )
      return [];
    const baseSymbol = checker.getSymbolAtLocation(base.name);
    if (baseSymbol !== undefined && isExported(baseSymbol)) return [];
    return [{ signature: interfaceMember(declaration, checker), doc: docOf(declaration), from: base.name.text }];
  });
  return [...own, ...inherited];
}

/** The head of a class or interface (`class A<T> extends B`), the whole text of a type alias, a function's signature. */
export function declarationText(node: ts.Declaration, name: string, checker: ts.TypeChecker): string {
  const generics = (list: ts.NodeArray<ts.TypeParameterDeclaration> | undefined): string =>
    list === undefined ? '' : `<${list.map(verbatim).join(', ')}>`;
  const heritage = (list: ts.NodeArray<ts.HeritageClause> | undefined): string =>
    (list ?? []).map((clause) => ` ${verbatim(clause)}`).join('');
  if (ts.isFunctionDeclaration(node)) return callable(`function ${name}`, node, checker);
  if (ts.isClassDeclaration(node))
    return `${has(node, ts.ModifierFlags.Abstract) ? 'abstract ' : ''}class ${name}${generics(node.typeParameters)}${heritage(node.heritageClauses)}`;
  if (ts.isInterfaceDeclaration(node)) return `interface ${name}${generics(node.typeParameters)}${heritage(node.heritageClauses)}`;
  if (ts.isVariableDeclaration(node)) {
    const keyword = (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) !== 0 ? 'const' : 'let';
    const value = node.initializer;
    // A literal constant shows its value; anything else its declared (or inferred) type.
    if (node.type === undefined && value !== undefined && ts.isLiteralExpression(value)) return `${keyword} ${name} = ${value.getText()}`;
    return `${keyword} ${name}: ${typeText(node.type, node, checker)}`;
  }
  return verbatim(node);
}
