// The loader stands alone, so it keeps its own copy of its docs page's address; test/architecture.test.ts checks that
// it is the address src/cors/docs-url.ts (the docs' one home) gives for jsonp.md.

/** The published page that explains the loader's errors (production messages link to it). */
export const JSONP_DOCS_URL = 'https://github.com/crosswise-dev/crosswise/blob/main/docs/jsonp.md';
