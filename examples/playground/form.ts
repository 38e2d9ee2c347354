import type { PlaygroundInput } from './request.js';

// Reads the form into plain strings and writes a preset back. The field names are PlaygroundInput's keys.

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const FIELDS = [
  'url',
  'method',
  'headers',
  'bodyType',
  'body',
  'credentials',
  'mode',
  'engine',
  'maxAge',
  'cors',
] as const satisfies readonly (keyof PlaygroundInput)[];

function field(form: HTMLFormElement, name: string): Field {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement))
    throw new Error(`playground: no field ${name}`);
  return element;
}

export function readForm(form: HTMLFormElement): PlaygroundInput {
  // The selects only offer the union's members, so the strings are the types they claim.
  return Object.fromEntries(FIELDS.map((name) => [name, field(form, name).value])) as unknown as PlaygroundInput;
}

/** Sets every field named in `values`; the engine is the reader's choice and stays as it is unless given. */
export function fillForm(form: HTMLFormElement, values: Partial<PlaygroundInput>): void {
  for (const name of FIELDS) {
    const value = values[name];
    if (value !== undefined) field(form, name).value = value;
  }
}
