import { type RewritableRequest, type RewriteResult, withoutHeader } from './shape.js';

/** Drops headers the caller declared unneeded cross-origin (an X-Requested-With a framework adds everywhere). */
export function dropHeaders(request: RewritableRequest, names: readonly string[]): RewriteResult {
  const dropped = names.map((name) => name.toLowerCase()).filter((name) => request.headers.some(([key]) => key === name));
  if (dropped.length === 0) return null;
  let headers = request.headers;
  for (const name of dropped) headers = withoutHeader(headers, name);
  return { request: { ...request, headers }, applied: `dropped ${dropped.join(', ')} (minimize.dropHeaders)` };
}
