// Names reach a script as code (`name({...})`) and a URL as a parameter: only identifier characters pass, so
// nothing can be injected. (A reserved word passes the check and simply fails to run: no_callback.)
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,63}$/;
const PARAMETER = /^[\w.~-]{1,64}$/;

let counter = 0;

export const isCallbackName = (name: unknown): name is string => typeof name === 'string' && IDENTIFIER.test(name);

export const isCallbackParam = (name: unknown): name is string => typeof name === 'string' && PARAMETER.test(name);

/** A name no other load uses: a counter for uniqueness, random letters against guessing. */
export const uniqueCallbackName = (): string => `__cwJsonp${(++counter).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
