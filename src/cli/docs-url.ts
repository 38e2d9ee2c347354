// The docs' address lives with the rules (src/cors/docs-url.ts), whose production messages link to it too.
export { DOCS_BASE_URL, docsUrl } from '../cors/docs-url.js';
