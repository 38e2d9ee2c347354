import type { Plugin } from 'rollup';

/** Swaps each `words.ts` for its `words.production.ts` (the production build). */
export function productionWords(): Plugin;
