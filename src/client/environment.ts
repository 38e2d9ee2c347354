// CORS is a browser's rule: a page (or a worker) has an origin, and the browser hides a refused response from it.
// Node, Deno, Bun, SSR and test runners send whatever they are given, so a network failure there is never CORS.

/** True when the code runs where the browser's CORS rules apply: a document or a worker scope, with a location. */
export function isBrowserContext(): boolean {
  const scope = globalThis as { document?: unknown; location?: { origin?: unknown }; WorkerGlobalScope?: unknown };
  if (typeof scope.location?.origin !== 'string') return false;
  return typeof scope.document !== 'undefined' || typeof scope.WorkerGlobalScope !== 'undefined';
}
