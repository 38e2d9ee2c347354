import { collectApi } from './collect.js';
import { renderApi } from './render.js';
import { isDocumented } from './source-text.js';

export { ENTRY_POINTS } from './collect.js';

export interface ApiDoc {
  /** The whole of docs/api.md. */
  markdown: string;
  /** Per entry: how many names it exports, and how many of them carry JSDoc. */
  counts: { entry: string; exported: number; documented: number }[];
  /** `entry: name` for every export without JSDoc, each listed once, under the entry that documents it. */
  undocumented: string[];
}

/** Builds the API reference in memory from the sources under `root`: no files written, so the test can compare. */
export function generateApiDoc(root: string): ApiDoc {
  const entries = collectApi(root);
  return {
    markdown: renderApi(entries),
    counts: entries.map((entry) => ({
      entry: entry.name,
      exported: entry.items.length,
      documented: entry.items.filter((item) => isDocumented(item.doc)).length,
    })),
    undocumented: entries.flatMap((entry) =>
      entry.items.filter((item) => item.home === entry.name && !isDocumented(item.doc)).map((item) => `${entry.name}: ${item.name}`),
    ),
  };
}
