import { headerValue, type RecordingServer } from '../helpers/recording-server.js';
// A fetch for Node tests that does what a browser does with cookies: one cookie jar for the host 127.0.0.1 (cookies
// ignore ports, so it covers both loopback servers), attached to every hop whose credentials mode is 'include',
// and redirects followed with the same credentials mode. Node's own fetch has no jar, so without this a Node test
// could not see a cookie leak at all. Unlike a browser it shows a 3xx to `redirect: 'manual'`, as Node does.

export const COOKIE = 'sid=s3cret';

/**
 * The Cookie header of the first request a server saw under `at`: null when it came without one, 'not sent' when none
 * came. With `{ preflights: 'skip' }`, of the first request that is not an OPTIONS (a preflight never carries cookies).
 */
export function cookieAt(
  server: RecordingServer,
  at: string,
  { preflights = 'count' }: { preflights?: 'count' | 'skip' } = {},
): string | null | 'not sent' {
  const record = server.recordsUnder(at).find((request) => preflights === 'count' || request.method !== 'OPTIONS');
  return record === undefined ? 'not sent' : headerValue(record, 'cookie');
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface BrowserLikeFetch {
  (input: Request | URL | string, init?: RequestInit): Promise<Response>;
  /** One line per hop sent: `METHOD URL credentials`. */
  hops: string[];
}

export function browserLikeFetch(): BrowserLikeFetch {
  const hops: string[] = [];
  const send = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    let request = new Request(input, init);
    for (let count = 0; count <= 20; count++) {
      hops.push(`${request.method} ${request.url} ${request.credentials}`);
      const headers = new Headers(request.headers);
      if (request.credentials === 'include') headers.set('Cookie', COOKIE);
      const body = request.body === null ? null : await request.clone().arrayBuffer();
      const response = await fetch(request.url, { method: request.method, headers, body, redirect: 'manual', signal: request.signal });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null || request.redirect === 'manual') return response;
      if (request.redirect === 'error') throw new TypeError('Failed to fetch: redirect mode is error');
      const toGet =
        (response.status === 303 && request.method !== 'HEAD') ||
        ((response.status === 301 || response.status === 302) && request.method === 'POST');
      request = new Request(new URL(location, request.url), {
        method: toGet ? 'GET' : request.method,
        headers: request.headers,
        body: toGet ? null : body,
        credentials: request.credentials,
        signal: request.signal,
      });
    }
    throw new TypeError('Failed to fetch: too many redirects');
  };
  return Object.assign(send, { hops });
}
