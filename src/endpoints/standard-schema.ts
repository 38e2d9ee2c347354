import type { SchemaIssue } from '../errors/response-schema-error.js';

/** Standard Schema v1 (https://standardschema.dev): zod 4, valibot, arktype… implement it; no import of any. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The standard's properties, under a key no schema library uses for anything else. */
  readonly '~standard': {
    /** The version of the standard: 1. */
    readonly version: 1;
    /** The library that made the schema (`'zod'`, `'valibot'`, …). */
    readonly vendor: string;
    /** Checks a value: the (possibly transformed) value, or the issues. */
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    /** The types the schema accepts and produces, for inference only (no value at run time). */
    readonly types?:
      | {
          /** The type the schema accepts. */
          readonly input: Input;
          /** The type the schema produces. */
          readonly output: Output;
        }
      | undefined;
  };
}

/** What a Standard Schema's `validate` returns: the value, or the issues. */
export type StandardResult<Output> =
  | {
      /** The value, as the schema produces it. */
      readonly value: Output;
      /** Absent on success. */
      readonly issues?: undefined;
    }
  | {
      /** What is wrong with the value, at least one issue. */
      readonly issues: readonly SchemaIssue[];
    };

/** The type a schema accepts. */
export type InputOf<S> = S extends { readonly '~standard': { readonly types?: infer T } }
  ? NonNullable<T> extends { readonly input: infer I }
    ? I
    : unknown
  : unknown;
/** The type a schema produces. */
export type OutputOf<S> = S extends { readonly '~standard': { readonly types?: infer T } }
  ? NonNullable<T> extends { readonly output: infer O }
    ? O
    : unknown
  : unknown;

export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return typeof (value as StandardSchemaV1 | null)?.['~standard']?.validate === 'function';
}
