/** The parts of a request the preflight-avoiding rewrites may change: plain data, no platform objects. */
export interface RewritableRequest {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: [string, string][];
}

/** A rewrite either leaves the request alone (null) or returns the new one with a sentence saying what it did. */
export type RewriteResult = { request: RewritableRequest; applied: string } | null;

export function withoutHeader(headers: readonly [string, string][], name: string): [string, string][] {
  return headers.filter(([key]) => key !== name);
}
