/** The part of Standard Schema (https://standardschema.dev) the loader uses: zod 4, valibot, arktype… implement it. */
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
      readonly issues: readonly {
        /** What is wrong, in the schema library's words. */
        readonly message: string;
      }[];
    };

/** Options of {@link loadJsonp}; `T` is the data the schema produces. */
export interface JsonpOptions<T = unknown> {
  /**
   * The query parameter that names the callback.
   * @default 'callback' (also when given as undefined)
   */
  callbackParam?: string | undefined;
  /**
   * A fixed callback name, for servers that ignore the parameter. Identifier characters only. A name the window
   * already has (a page global, `undefined`, `eval`, `constructor`…) is never overwritten: the load fails with
   * code `callback_busy`.
   * @default a unique generated name
   * @example { callbackName: 'handleUser' }
   */
  callbackName?: string;
  /**
   * Milliseconds before the load fails with code `timeout`, from 1 to 2147483647 (2^31 - 1, the longest delay
   * `setTimeout` honours); 0 waits forever. Anything else throws a `RangeError`. The timed-out request is not
   * cancelled: the browser keeps it, and its connection, until the server answers (see docs/jsonp.md).
   * @default 10000 (also when given as undefined)
   * @example { timeout: 5000 }
   */
  timeout?: number | undefined;
  /** Aborts the load (code `aborted`, the signal's reason as `cause`). */
  signal?: AbortSignal | undefined;
  /** Validates the data; a failure rejects with code `schema`, keeping the raw data and the issues. */
  schema?: StandardSchemaV1<unknown, T>;
  /** The CSP nonce the script element carries. */
  nonce?: string;
  /** The script element's referrerpolicy. */
  referrerPolicy?: ReferrerPolicy;
  /** The script element's crossorigin attribute. */
  crossOrigin?: 'anonymous' | 'use-credentials';
  /**
   * The live page's document whose `<head>` takes the script element (an element in the rendered part of the page would
   * cost a style recalculation per load), and whose window holds the callback global. A document without a window
   * (`createHTMLDocument`'s, which never runs a script) or without a head is refused.
   * @default globalThis.document (also when given as undefined)
   */
  document?: Document | undefined;
}
