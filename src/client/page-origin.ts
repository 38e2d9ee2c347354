import { ambientOrigin, readOrigin } from '../cors/origin.js';

// The one place the client asks which page it runs in. The rules engine reads the same default (predictCors's
// `origin` option, else the page's own origin); the policies that act before a call is predicted read it here and
// compare with cors/origin.ts's isSameOrigin, so that a page on an opaque origin ('null': a sandboxed iframe, a
// file: page) means the same to all of them. Once a call is predicted, `prediction.kind === 'same-origin'` decides.

/**
 * The page's serialized origin: the client's `origin` option, else the page's own (`self.origin`, else
 * `location.origin`); `'null'` on a page with an opaque origin; null where neither says (Node without the option).
 */
export function pageOrigin(option: string | undefined): string | null {
  return readOrigin(option ?? ambientOrigin());
}
