/** Where a schema failed: which endpoint, which call. */
export interface SchemaErrorContext {
  /** The endpoint's name, as declared in `defineEndpoints` (e.g. `'getUser'`). */
  endpoint: string;
  /** The call's method, upper-case. */
  method: string;
  /** The call's URL, path parameters filled in. */
  url: string;
}

function describe(what: string, context: SchemaErrorContext, issues: readonly SchemaIssue[]): string {
  const first = issues[0];
  const path =
    first?.path === undefined || first.path.length === 0
      ? ''
      : ` at ${first.path.map((key) => (typeof key === 'object' ? String(key.key) : String(key))).join('.')}`;
  return `${what} of ${context.endpoint} (${context.method} ${context.url}) failed its schema${path}: ${first?.message ?? 'invalid'}`;
}

/** One Standard Schema issue. */
export interface SchemaIssue {
  /** What is wrong, in the schema library's words. */
  readonly message: string;
  /** Where in the value: the keys from the root down (`['items', 0, 'id']`); absent for the value itself. */
  readonly path?:
    | readonly (
        | PropertyKey
        | {
            /** One key of the path. */
            readonly key: PropertyKey;
          }
      )[]
    | undefined;
}

/**
 * The response body failed the endpoint's schema. ky validated it (`.json(schema)`); this error adds what ky's
 * `SchemaValidationError` lacks: the endpoint `context` and the raw `data`, with ky's error as its `cause`. Like
 * ky's, it stands outside the CrosswiseError hierarchy (the call itself worked); nothing is lost.
 */
export class ResponseSchemaError extends Error {
  /** Always `'ResponseSchemaError'`. */
  override name = 'ResponseSchemaError' as const;
  /**
   * Built by the endpoint client when the response fails its schema.
   * @param context Which endpoint and call.
   * @param issues What the schema found wrong, as the schema library reported it.
   * @param data The body as received, parsed, before validation.
   * @param options `cause`: ky's `SchemaValidationError`, when ky validated.
   */
  constructor(
    /** Which endpoint and call the response belongs to. */
    readonly context: SchemaErrorContext,
    /** What the schema found wrong, first issue first (the message quotes it). */
    readonly issues: readonly SchemaIssue[],
    /** The body as received, parsed, before validation (`undefined` for an empty body). */
    readonly data: unknown,
    options?: {
      /** ky's `SchemaValidationError`, when ky validated. */
      cause?: unknown;
    },
  ) {
    super(describe('the response', context, issues), options);
  }
}

/** The call's query or body failed the endpoint's schema: thrown before anything is sent. */
export class RequestSchemaError extends TypeError {
  /** Always `'RequestSchemaError'`. */
  override name = 'RequestSchemaError' as const;
  /**
   * Built by the endpoint client before sending, when the call's input fails its schema.
   * @param part Which part of the input failed.
   * @param context Which endpoint and call.
   * @param issues What the schema found wrong.
   * @param data The input as the caller passed it.
   */
  constructor(
    /** Which part of the call's input failed: the `query` or the `body`. */
    readonly part: 'query' | 'body',
    /** Which endpoint and call. */
    readonly context: SchemaErrorContext,
    /** What the schema found wrong, first issue first (the message quotes it). */
    readonly issues: readonly SchemaIssue[],
    /** The input as the caller passed it, before validation. */
    readonly data: unknown,
  ) {
    super(`${describe(`the ${part}`, context, issues)}. Nothing was sent.`);
  }
}
