import { beforeAll, describe, it } from 'vitest';
import { OTHER_ENGINES, useEngine } from '../conformance/engines/use-engine.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectCredentialsGuard } from './credentials-guard-session.js';

// The credentials-policy session in Firefox ESR and WebKitGTK, as credentials-guard.browser.test.ts runs it in Chromium.
describe.each(OTHER_ENGINES)('the credentials policy in $name, with a real cookie', ({ launch }) => {
  const servers = useTwoOrigins();
  const browser = useEngine(launch);
  beforeAll(() => serveModules(servers.page));

  it('redirects never carry the cookie off the allowlist; JSONP is refused where the policy omits cookies', {
    timeout: 90_000,
  }, async () => {
    await expectCredentialsGuard(servers, browser.open, browser.label());
  });
});
