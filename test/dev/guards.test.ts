import { describe, expect, it } from 'vitest';
import * as dev from '../../src/dev/index.js';
import { isUnreachableError, UnreachableError } from '../../src/dev/index.js';

// As for the main entry (test/errors/guards.test.ts): every error class crosswise/dev exports has its `is…` guard.
describe('crosswise/dev error guards', () => {
  it('one per exported error class', () => {
    const classes = Object.entries(dev as Record<string, unknown>).filter(
      ([, value]) => typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Error,
    );
    expect(classes.map(([name]) => name)).toEqual(['UnreachableError']);
    for (const [name] of classes) expect(typeof (dev as Record<string, unknown>)[`is${name}`], `is${name}`).toBe('function');
  });

  it('isUnreachableError matches an instance and a copy from another realm, not a lookalike without a code', () => {
    expect(isUnreachableError(new UnreachableError('ECONNREFUSED', 'refused'))).toBe(true);
    expect(isUnreachableError(Object.assign(new Error('m'), { name: 'UnreachableError', code: 'ENOTFOUND' }))).toBe(true);
    expect(isUnreachableError(Object.assign(new Error('m'), { name: 'UnreachableError' }))).toBe(false);
    expect(isUnreachableError(new Error('UnreachableError'))).toBe(false);
    expect(isUnreachableError(null)).toBe(false);
  });
});
