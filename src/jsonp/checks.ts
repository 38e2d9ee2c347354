import { badInput } from './words.js';

/** The inputs a bad-input error can name: the options, and the URL. */
export type CheckedInput =
  | 'method'
  | 'body'
  | 'headers'
  | 'callbackParam'
  | 'callbackName'
  | 'timeout'
  | 'signal'
  | 'schema'
  | 'document'
  | 'url';

/** Unless `ok`, throws the `TypeError` (or `ErrorType`) that says `input` must be `must`: bad input is refused before anything is claimed or sent. */
export function expectInput(ok: unknown, input: CheckedInput, must: string, ErrorType: ErrorConstructor = TypeError): void {
  if (!ok) throw new ErrorType(badInput(input, must));
}
