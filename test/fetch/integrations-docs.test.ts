import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/integrations.md shows, per library, the wiring that test/fetch/integrations/libraries.ts runs in Chromium: the
// snippets are type-checked (test/docs-snippets.test.ts); this keeps their wiring the one the browser test proves.
const docs = readFileSync(new URL('../../docs/integrations.md', import.meta.url), 'utf8');
const tested = readFileSync(new URL('./integrations/libraries.ts', import.meta.url), 'utf8');

const WIRING: Record<string, RegExp> = {
  // Whitespace-tolerant: the formatter may wrap an object literal over lines.
  'openapi-fetch': /createClient<paths>\(\{\s*baseUrl: [^,]+,\s*fetch: /,
  axios: /axios\.create\(\{\s*baseURL: [^,]+,\s*adapter: 'fetch',\s*env: \{\s*fetch: /,
  ofetch: /ofetch\.create\(\{\s*baseURL: [^}]+\},\s*\{\s*fetch: /,
  'TanStack Query': /queryFn: async \(\{ signal \}\) =>/,
};

describe('docs/integrations.md', () => {
  for (const [library, wiring] of Object.entries(WIRING)) {
    it(`wires ${library} as the Chromium test does`, () => {
      expect(docs).toMatch(wiring);
      expect(tested.replace('createOpenApiClient<Paths>', 'createClient<paths>')).toMatch(wiring);
    });
  }
});
