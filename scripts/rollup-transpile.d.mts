import type { Plugin } from 'rollup';

/** Rollup plugin: each TypeScript file to JavaScript on its own (ts.transpileModule), no type-checking. */
export function transpileTypeScript(): Plugin;
