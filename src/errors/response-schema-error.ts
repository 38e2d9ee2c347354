/** Where a schema failed: which endpoint, which call. */
export interface SchemaErrorContext {
  endpoint: string;
  method: string;
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
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/**
 * The response body failed the endpoint's schema. ky validated it (`.json(schema)`); this error adds what ky's
 * `SchemaValidationError` lacks: the endpoint `context` and the raw `data`, with ky's error as its `cause`. Like
 * ky's, it stands outside the CrosswiseError hierarchy (the call itself worked); nothing is lost.
 */
export class ResponseSchemaError extends Error {
  override name = 'ResponseSchemaError' as const;
  constructor(
    readonly context: SchemaErrorContext,
    readonly issues: readonly SchemaIssue[],
    /** The body as received, parsed, before validation (`undefined` for an empty body). */
    readonly data: unknown,
    /** `cause`: ky's `SchemaValidationError`, when ky validated. */
    options?: { cause?: unknown },
  ) {
    super(describe('the response', context, issues), options);
  }
}

/** The call's query or body failed the endpoint's schema: thrown before anything is sent. */
export class RequestSchemaError extends TypeError {
  override name = 'RequestSchemaError' as const;
  constructor(
    readonly part: 'query' | 'body',
    readonly context: SchemaErrorContext,
    readonly issues: readonly SchemaIssue[],
    readonly data: unknown,
  ) {
    super(`${describe(`the ${part}`, context, issues)}. Nothing was sent.`);
  }
}
