import { createFetch, type FetchOptions } from '../../src/fetch/index.js';
import { createClient, credentialsPolicy, minimizePreflights } from '../../src/index.js';

// What the rebuild tests (test/client/request-rebuild.test.ts, rebuild-attacks.test.ts) run each case through: both
// surfaces that send a call, and the places crosswise builds a call's Request again (src/client/rebuild.ts).

/** One call, as a surface sends it. */
export type Send = (url: string, init: RequestInit & Record<string, unknown>) => Promise<Response>;

/** The client's `get` and createFetch, made with the same options (the client with no retry: the records count each send). */
export const SURFACES: Record<'createClient' | 'createFetch', (options: FetchOptions) => Send> = {
  createClient: (options) => {
    const client = createClient({ ...options, retry: 0 });
    return (url, init) => client.get(url, init as never);
  },
  createFetch: (options) => createFetch(options),
};

/**
 * Each rebuild of one call, with the options and the call that make it. A verified redirect rebuilds each hop too: it
 * needs routes on a server, so its tests set it up themselves.
 */
export const REBUILDS: Record<string, { options: () => FetchOptions; init: () => RequestInit & Record<string, unknown> }> = {
  'the credentials policy sets the mode': {
    options: () => ({ credentials: credentialsPolicy({ otherwise: 'omit' }) }),
    init: () => ({}),
  },
  'a credentials mode string sets every call’s mode (createFetch rebuilds the caller’s Request with it)': {
    options: () => ({ credentials: 'include' }),
    init: () => ({}),
  },
  'a minimize rewrite moves a header into the URL': {
    options: () => ({ minimize: minimizePreflights({ headersToQuery: { 'x-api-key': 'key' } }) }),
    init: () => ({ headers: { 'X-Api-Key': 'k' } }),
  },
  'the Request goes to fetch with a key it does not keep (Next.js’s `next`)': {
    options: () => ({}),
    init: () => ({ next: { revalidate: 60 } }),
  },
  'the Request goes to fetch with `priority`, a member no Request shows (the init then rebuilds it)': {
    options: () => ({}),
    init: () => ({ priority: 'high' }),
  },
};
