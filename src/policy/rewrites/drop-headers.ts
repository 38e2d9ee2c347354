import type { RewritableRequest, RewriteResult } from './shape.js';

/** Drops headers the caller declared unneeded cross-origin (an X-Requested-With a framework adds everywhere). */
export function dropHeaders(request: RewritableRequest, names: readonly string[]): RewriteResult {
  const dropped = names.map((name) => name.toLowerCase()).filter((name) => request.headers.some(([key]) => key === name));
  if (dropped.length === 0) return null;
  const headers = request.headers.filter(([key]) => !dropped.includes(key));
  return { request: { ...request, headers }, applied: `dropped ${dropped.join(', ')} (minimize.dropHeaders)` };
}
