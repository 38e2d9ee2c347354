import { beforeAll, describe, it } from 'vitest';
import { OTHER_ENGINES, useEngine } from '../conformance/engines/use-engine.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectPreflightCacheStats } from './preflight-cache-session.js';
import { expectSpaSession } from './spa-session.js';

// The client's SPA session (test/client/spa-session.ts) in Firefox ESR and WebKitGTK, as client.browser.test.ts runs it in Chromium.
describe.each(OTHER_ENGINES)('the client in $name', ({ engine, launch }) => {
  const servers = useTwoOrigins();
  const browser = useEngine(launch);
  beforeAll(() => serveModules(servers.page));

  it('predicts exactly the OPTIONS the browser sends, with the engine it detects; diagnoses a blocked call; strict mode sends nothing', {
    timeout: 90_000,
  }, async () => {
    await expectSpaSession(servers, browser.open, engine, browser.label());
  });

  it("stats() counts exactly the OPTIONS the browser's preflight cache lets through", { timeout: 60_000 }, async () => {
    await expectPreflightCacheStats(servers, browser.open, engine, browser.label());
  });
});
