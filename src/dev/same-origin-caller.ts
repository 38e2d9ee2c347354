import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

// The probe sends requests on a page's behalf, so only the developer's own page may ask: a loopback peer, a loopback
// Host (a rebound DNS name is refused), and an Origin that is the handler's own.

const LOOPBACK_ADDRESS = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d{1,5})?$/i;

/** Why this caller may not use the probe, or null when it may. */
export function callerProblem(req: IncomingMessage): string | null {
  if (!LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '')) return 'the dev probe answers loopback callers only';
  const host = req.headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return 'the dev probe answers only a loopback Host (localhost, 127.0.0.1, [::1])';
  const scheme = (req.socket as TLSSocket).encrypted === true ? 'https' : 'http';
  if (req.headers.origin !== `${scheme}://${host.toLowerCase()}`) return `the dev probe answers only its own origin, ${scheme}://${host}`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return 'the dev probe answers same-origin requests only';
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return 'the body must be application/json';
  return null;
}
