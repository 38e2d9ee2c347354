// Every place crosswise builds a Request again from one it was given (the credentials policy's mode, a minimize
// rewrite, the next hop of a verified redirect, a Request sent with the keys ky did not know) goes through here, so
// that what the caller set on the call survives the rebuild.

/**
 * `init` for `new Request(request, init)` or `fetch(request, init)`, plus the two members that a non-empty init
 * resets rather than keeps (https://fetch.spec.whatwg.org/#dom-request step 13: the referrer becomes "client", the
 * referrer policy the empty string). Every other member (integrity, keepalive, cache, redirect, signal, priority,
 * duplex, the body) is kept by the constructor itself. No init stays none.
 */
export function keepingReferrer<Init extends RequestInit | undefined>(request: Request, init: Init): Init {
  const { referrer, referrerPolicy } = request;
  // The defaults are what the reset gives: then `init` goes as it came (a caller's fetch sees only its own keys).
  // The getters give back what the init takes: "about:client" for the client, "" for no referrer, else the URL.
  return init && (referrer !== 'about:client' || referrerPolicy) ? { ...init, referrer, referrerPolicy } : init;
}

/** `request` with the members in `init` changed, and everything else it had, its referrer included. */
export function rebuildRequest(request: Request, init: RequestInit): Request {
  return new Request(request, keepingReferrer(request, init));
}

/**
 * What a Request built from scratch in place of `request` (another URL, so `new Request(request, init)` cannot
 * serve) carries over from it: every RequestInit member a Request exposes, except the method, headers and body the
 * caller sets. `priority` has no getter: the call's `priority` rides in the init the transport forwards to fetch
 * (ky forwards it, createFetch too), so only a priority set inside a `Request` input is lost; `duplex` matters only
 * with a stream body, which a caller that rebuilds has buffered; `window` can only be null.
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
