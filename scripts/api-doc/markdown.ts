// Markdown building blocks for the API reference.

// Not `ts`: test/docs-snippets.test.ts type-checks every ```ts block, and declarations and JSDoc example fragments
// do not compile on their own. `typescript` is skipped by it and still highlighted on GitHub.
const FENCE = 'typescript';

/** A fenced code block, every line indented (for list items). */
export function codeBlock(text: string, indent = ''): string[] {
  return [`${indent}\`\`\`${FENCE}`, ...text.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`)), `${indent}\`\`\``];
}

/** An inline code span that survives backticks inside (template literal types). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const ticks = '`'.repeat(longest + 1);
  return longest === 0 ? `\`${text}\`` : `${ticks} ${text} ${ticks}`;
}

/** `@default` values are code (`'warn'`, `console.warn`) or prose (`the engine running the page`). */
export function defaultValue(text: string): string {
  return /^\S+$/.test(text) || /^['"{[]/.test(text) ? inlineCode(text) : text;
}

/** The first sentence, for the one-line summaries of re-exported names (a lead-in to a list ends it too). */
export function firstSentence(text: string): string {
  const lead = text.split(/\n\s*\n|\n\s*- /)[0] ?? '';
  const flat = lead.replace(/\s+/g, ' ').trim().replace(/:$/, '.');
  return /^(.+?[.!?])(?=\s+[A-Z`]|$)/.exec(flat)?.[1] ?? flat;
}

/** GitHub's heading anchors (github-slugger): lower-case, punctuation dropped, spaces to hyphens, repeats numbered. */
export class Slugger {
  readonly #seen = new Map<string, number>();

  slug(heading: string): string {
    const base = heading
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    let slug = base;
    while (this.#seen.has(slug)) {
      const count = (this.#seen.get(base) ?? 0) + 1;
      this.#seen.set(base, count);
      slug = `${base}-${count}`;
    }
    this.#seen.set(slug, 0);
    return slug;
  }
}
