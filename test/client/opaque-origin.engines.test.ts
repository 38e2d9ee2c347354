import { beforeAll, describe, it } from 'vitest';
import { OTHER_ENGINES, useEngine } from '../conformance/engines/use-engine.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectOpaqueOriginSession } from './opaque-origin-session.js';

// The sandboxed-page session (opaque-origin-session.ts) in Firefox ESR and WebKitGTK, as Chromium runs it.
describe.each(OTHER_ENGINES)("a sandboxed page (origin 'null') in $name", ({ launch }) => {
  const servers = useTwoOrigins();
  const browser = useEngine(launch);
  beforeAll(() => serveModules(servers.page));

  it('is cross-origin to every server, its own too, in the client, createFetch, the policy, warnings, stats and JSONP', {
    timeout: 60_000,
  }, async () => {
    await expectOpaqueOriginSession(servers, browser.open);
  });
});
