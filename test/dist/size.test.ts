import { beforeAll, describe, expect, it } from 'vitest';
import { measureSizes, SIZE_ENTRIES, type BundleSize, type SizeEntry } from '../helpers/bundle-size.js';

// A bundle that grows past its ceiling fails `npm test`, with the figures printed; `npm run size -- --write` updates docs/size.md.
describe('bundle sizes (min+gzip, ky and zod external)', () => {
  let sizes: Map<SizeEntry, BundleSize>;
  beforeAll(async () => {
    sizes = await measureSizes(SIZE_ENTRIES);
  }, 120_000);

  for (const entry of SIZE_ENTRIES) {
    it(`${entry.name} stays under ${entry.ceiling} B`, () => {
      const size = sizes.get(entry);
      if (size === undefined) throw new Error(`${entry.name} was not measured`);
      const { minified, gzipped } = size;
      console.log(`${entry.name}: ${minified} B min, ${gzipped} B min+gz (ceiling ${entry.ceiling} B, target ${entry.target} B${gzipped <= entry.target ? ', met' : ', missed'})`);
      expect(gzipped).toBeLessThanOrEqual(entry.ceiling);
    });
  }
});
