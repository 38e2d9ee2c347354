import ts from 'typescript';

/** One JSDoc block: its description and its tags (`@default`, `@example`, …), as written. */
export interface Doc {
  text: string;
  /** `param` is the parameter a `@param` tag names (its `text` is the description alone). */
  tags: { name: string; text: string; param?: string }[];
}

/** The JSDoc closest to a declaration (a variable's sits on its statement, a parameter property's on the parameter). */
export function docOf(node: ts.Node): Doc {
  const block = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  if (block === undefined) return { text: '', tags: [] };
  return {
    text: (ts.getTextOfJSDocComment(block.comment) ?? '').trim(),
    tags: (block.tags ?? []).map((tag) => ({
      name: tag.tagName.text,
      text: (ts.getTextOfJSDocComment(tag.comment) ?? '').trim(),
      ...(ts.isJSDocParameterTag(tag) ? { param: tag.name.getText() } : {}),
    })),
  };
}

export const isDocumented = (doc: Doc): boolean => doc.text !== '' || doc.tags.length > 0;

/**
 * A node's source text without its JSDoc, plus a comment trailing it on the same line (the last member of a
 * commented union keeps its note after the `;`), re-indented as if the node started at column 0.
 */
export function verbatim(node: ts.Node): string {
  const file = node.getSourceFile();
  const trailing = ts.getTrailingCommentRanges(file.text, node.end)?.[0];
  const text = file.text.slice(node.getStart(), trailing?.end ?? node.end);
  const column = file.getLineAndCharacterOfPosition(node.getStart()).character;
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(new RegExp(`^ {0,${column}}`), '')))
    .join('\n')
    .replace(/^export\s+(declare\s+)?/, '');
}

/**
 * A type as written: on one line when it fits and holds no comments, else with its own line breaks and notes. The
 * checker's rendering when the source declares none.
 */
export function typeText(type: ts.TypeNode | undefined, node: ts.Node, checker: ts.TypeChecker): string {
  if (type === undefined) return checker.typeToString(checker.getTypeAtLocation(node), undefined, ts.TypeFormatFlags.NoTruncation);
  const text = verbatim(type);
  const line = text.replace(/\s+/g, ' ');
  return /\/\/|\/\*/.test(text) || line.length > 100 ? text : line;
}
