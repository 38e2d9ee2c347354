import { describe, expect, it } from 'vitest';
import { minGzipSize, SIZE_ENTRIES } from '../helpers/bundle-size.js';

// A bundle that grows past its ceiling fails `npm test`, with the figures printed; `npm run size -- --write` updates docs/size.md.
describe('bundle sizes (min+gzip, ky and zod external)', () => {
  for (const entry of SIZE_ENTRIES) {
    it(`${entry.name} stays under ${entry.ceiling} B`, async () => {
      const { minified, gzipped } = await minGzipSize(entry.entry, entry.alsoExternal);
      console.log(`${entry.name}: ${minified} B min, ${gzipped} B min+gz (ceiling ${entry.ceiling} B, target ${entry.target} B${gzipped <= entry.target ? ', met' : ', missed'})`);
      expect(gzipped).toBeLessThanOrEqual(entry.ceiling);
    });
  }
});
