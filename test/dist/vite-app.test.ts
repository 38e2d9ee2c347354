import { describe, expect, it } from 'vitest';
import { buildViteApp } from '../helpers/vite-app.js';

// A real Vite production build of examples/vite-app (issue 15): Vite picks crosswise's `production` condition on its
// own, and the app ships codes and docs links instead of sentences. `npm run size` reports the same build's bytes.
describe('crosswise in a Vite production build', () => {
  it('is the production build, without a full sentence', { timeout: 30_000 }, async () => {
    const app = await buildViteApp();
    console.log(`examples/vite-app, Vite ${app.vite}: crosswise ${app.minified} B min, ${app.gzipped} B min+gz (${app.modules.join(', ')})`);
    expect(app.modules).toContain('dist/prod/index.js');
    expect(app.modules.filter((path) => !path.startsWith('dist/prod/'))).toEqual([]);
    // The words the production build swaps (the rules' reasons, the loader's messages): none of the full ones, the links instead.
    const sentences = ['is not GET, HEAD or POST', 'script error (HTTP, network, CSP or MIME)', 'absent: JSONP is a plain GET'];
    expect(sentences.filter((sentence) => app.code.includes(sentence))).toEqual([]);
    expect(['cors-rules.md#reason-codes', 'docs/jsonp.md'].filter((link) => !app.code.includes(link))).toEqual([]);
  });
});
