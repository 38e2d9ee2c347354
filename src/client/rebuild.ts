// Every place crosswise builds a Request again from one it was given (the credentials policy's mode, a minimize
// rewrite, the next hop of a verified redirect, a Request sent with the keys ky did not know) goes through here, so
// that what the caller set on the call survives the rebuild.

/**
 * `init` for `new Request(request, init)` or `fetch(request, init)`, plus the two members that a non-empty init
 * resets rather than keeps (https://fetch.spec.whatwg.org/#dom-request step 13: the referrer becomes "client", the
 * referrer policy the empty string). Every other member (integrity, keepalive, cache, redirect, signal, priority,
 * duplex, the body) is kept by the constructor itself.
 */
export function keepingReferrer(request: Request, init: RequestInit): RequestInit {
  const { referrer, referrerPolicy } = request;
  // The defaults are what the reset gives: then `init` goes as it came (a caller's fetch sees only its own keys).
  if (referrer === 'about:client' && referrerPolicy === '') return init;
  // The getters give back what the init takes: "about:client" for the client, "" for no referrer, else the URL.
  return { ...init, referrer, referrerPolicy };
}

/** `request` with the members in `init` changed, and everything else it had, its referrer included. */
export function rebuildRequest(request: Request, init: RequestInit): Request {
  return new Request(request, keepingReferrer(request, init));
}

/**
 * What a Request built from scratch in place of `request` (another URL, so `new Request(request, init)` cannot
 * serve) carries over from it: every RequestInit member a Request exposes, except the method, headers and body the
 * caller sets. `priority` has no getter and is lost; `duplex` matters only with a stream body, which a caller that
 * rebuilds has buffered; `window` can only be null.
 */
export function carriedInit(request: Request): RequestInit {
  return {
    cache: request.cache,
    credentials: request.credentials,
    integrity: request.integrity,
    keepalive: request.keepalive,
    mode: request.mode,
    redirect: request.redirect,
    referrer: request.referrer,
    referrerPolicy: request.referrerPolicy,
    signal: request.signal,
  };
}
