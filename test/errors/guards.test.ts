import { describe, expect, it } from 'vitest';
import * as crosswise from '../../src/index.js';
import { RequestSchemaError, ResponseSchemaError, isCrosswiseError, isRequestSchemaError, isResponseSchemaError } from '../../src/index.js';

// Every error class the entry exports has its `is…` guard beside it: code that catches never needs `instanceof`,
// which fails across realms and across two copies of crosswise in one app.
const errorClasses = Object.entries(crosswise as Record<string, unknown>).filter(
  (entry): entry is [string, new (...args: never[]) => Error] => typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
);
const context = { endpoint: 'getItem', method: 'GET', url: 'https://api.example/items/1' };

describe('error guards', () => {
  it('one per exported error class, true for an instance and false for a plain Error', () => {
    expect(errorClasses.map(([name]) => name).sort()).toEqual([
      'CorsError',
      'CorsPolicyError',
      'CredentialsPolicyError',
      'CrosswiseError',
      'RequestInputError',
      'RequestSchemaError',
      'ResponseSchemaError',
    ]);
    for (const [name, errorClass] of errorClasses) {
      const guard = (crosswise as Record<string, unknown>)[`is${name}`];
      expect(typeof guard, `is${name}`).toBe('function');
      const check = guard as (error: unknown) => boolean;
      expect(check(Object.create(errorClass.prototype)), `is${name}(instance)`).toBe(true);
      expect(check(new Error(name)), `is${name}(new Error)`).toBe(false);
    }
  });

  it('tell the two schema errors apart, and match a copy from another realm by name and shape', () => {
    const response = new ResponseSchemaError(context, [{ message: 'expected a number', path: ['id'] }], { id: 'x' });
    const request = new RequestSchemaError('body', context, [{ message: 'required' }], {});
    expect([isResponseSchemaError(response), isRequestSchemaError(response)]).toEqual([true, false]);
    expect([isResponseSchemaError(request), isRequestSchemaError(request)]).toEqual([false, true]);
    // Neither is a CrosswiseError: the call worked (response) or never began (request).
    expect([isCrosswiseError(response), isCrosswiseError(request)]).toEqual([false, false]);
    const foreign = { name: 'ResponseSchemaError', message: 'm', issues: [], context, data: null };
    expect(isResponseSchemaError(foreign)).toBe(true);
    // The name alone is not enough: anything can call itself that.
    expect(isResponseSchemaError(Object.assign(new Error('m'), { name: 'ResponseSchemaError' }))).toBe(false);
    expect(isRequestSchemaError(null)).toBe(false);
  });
});
