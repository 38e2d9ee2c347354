import { SchemaValidationError as KySchemaValidationError } from 'ky';

/** Where a schema failed: which endpoint, which call. */
export interface SchemaErrorContext {
  endpoint: string;
  method: string;
  url: string;
}

function describe(what: string, context: SchemaErrorContext, issues: readonly SchemaIssue[]): string {
  const first = issues[0];
  const path = first?.path === undefined || first.path.length === 0 ? '' : ` at ${first.path.map((key) => (typeof key === 'object' ? String(key.key) : String(key))).join('.')}`;
  return `${what} of ${context.endpoint} (${context.method} ${context.url}) failed its schema${path}: ${first?.message ?? 'invalid'}`;
}

/** One Standard Schema issue. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

// ky's class, typed as the Error with `issues` it is: ky types its `name` as the literal 'SchemaValidationError',
// which a subclass with a name of its own could not override.
const SchemaValidationError: new (issues: readonly SchemaIssue[]) => Error & { readonly issues: readonly SchemaIssue[] } = KySchemaValidationError;

/**
 * The response body failed the endpoint's schema. It is ky's `SchemaValidationError` (what `.json(schema)` throws,
 * so `instanceof SchemaValidationError` catches both), with what ky's lacks: the endpoint `context` and the raw
 * `data`. Like ky's, it stands outside the CrosswiseError hierarchy (the call itself worked); nothing is lost.
 */
export class ResponseSchemaError extends SchemaValidationError {
  override name = 'ResponseSchemaError' as const;
  /** The schema's issues, as ky's error has them. */
  declare readonly issues: readonly SchemaIssue[];
  constructor(
    readonly context: SchemaErrorContext,
    issues: readonly SchemaIssue[],
    /** The body as received, parsed, before validation (`undefined` for an empty body). */
    readonly data: unknown,
  ) {
    super(issues);
    // ky's message names no call: say which endpoint and where the first issue is.
    this.message = describe('the response', context, issues);
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
