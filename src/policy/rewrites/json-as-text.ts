import { type RewritableRequest, type RewriteResult, withoutHeader } from './shape.js';

// application/json is the most common cause of preflights; servers that parse the body regardless of its declared
// type (most JSON APIs can be told to) accept the same bytes as text/plain, which is safelisted.
export function jsonAsText(request: RewritableRequest): RewriteResult {
  const contentType = request.headers.find(([name]) => name === 'content-type')?.[1];
  if (contentType === undefined || !/^\s*application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) return null;
  return {
    request: { ...request, headers: [...withoutHeader(request.headers, 'content-type'), ['content-type', 'text/plain;charset=UTF-8']] },
    applied: `sent Content-Type: ${contentType.trim()} as text/plain;charset=UTF-8 (minimize.jsonAsText)`,
  };
}
