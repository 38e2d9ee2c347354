import { type RewritableRequest, type RewriteResult, withoutHeader } from './shape.js';

/** Moves each named header into a query parameter, for servers that read either (API keys, tracing ids). */
export function headersToQuery(request: RewritableRequest, mapping: Readonly<Record<string, string>>): RewriteResult {
  const url = new URL(request.url);
  let headers = request.headers;
  const moved: string[] = [];
  for (const [header, parameter] of Object.entries(mapping)) {
    const name = header.toLowerCase();
    const value = headers.find(([key]) => key === name)?.[1];
    if (value === undefined) continue;
    url.searchParams.set(parameter, value);
    headers = withoutHeader(headers, name);
    moved.push(`${name} → ?${parameter}`);
  }
  if (moved.length === 0) return null;
  return {
    request: { ...request, url: url.href, headers },
    applied: `moved headers into the query: ${moved.join(', ')} (minimize.headersToQuery)`,
  };
}
