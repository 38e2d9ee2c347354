import { REQUEST_INIT_MEMBERS } from '../../src/cors/init-enums.js';

// What a fetch stub saw, read the way fetch builds its Request: Node 24.22's undici loses the referrer of every
// Request it copies, so `new Request(input, init)` in a stub cannot show what crosswise kept or added.

export const READ = ['cache', 'integrity', 'keepalive', 'redirect', 'referrer', 'referrerPolicy', 'signal'] as const;
export type Read = { [K in (typeof READ)[number]]: Request[K] };

/**
 * The members of the request `fetch(input, init)` sends, as the standard builds it: the init's over the input's; an
 * init with any RequestInit member resets the referrer and its policy unless it sets them (https://fetch.spec.whatwg.org/#dom-request
 * step 13). Read here, not through `new Request(input, init)`, which loses the referrer under Node 24.
 */
export function sent(input: RequestInfo | URL, init?: RequestInit): Read {
  if (!(input instanceof Request)) input = new Request(input, init);
  // "Not empty" is said of the RequestInit dictionary: keys it does not have (Next.js's `next`) do not count.
  const copied = init !== undefined && Object.keys(init).some((key) => REQUEST_INIT_MEMBERS.has(key));
  const reset: Partial<Read> = copied ? { referrer: 'about:client', referrerPolicy: '' } : {};
  const read = Object.fromEntries(READ.map((key) => [key, init?.[key] ?? reset[key] ?? (input as Request)[key]]));
  return read as Read;
}
