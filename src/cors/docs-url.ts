// The one home of the published docs' address: messages (the CLI's, and every production-build message) name pages
// there, never a docs/ path the package does not ship. package.json has no `repository` field to derive it from.

/** Where the published docs live; a page's address is this plus its file name. */
export const DOCS_BASE_URL = 'https://github.com/crosswise-dev/crosswise/blob/main/docs/';

/**
 * The published address of a docs page.
 * @example docsUrl('engines.md') // 'https://github.com/crosswise-dev/crosswise/blob/main/docs/engines.md'
 */
export function docsUrl(page: string): string {
  return new URL(page, DOCS_BASE_URL).href;
}
