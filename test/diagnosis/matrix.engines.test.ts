import { beforeAll, describe, it } from 'vitest';
import { OTHER_ENGINES, useEngine } from '../conformance/engines/use-engine.js';
import { serveModules } from '../helpers/module-server.js';
import { useTwoOrigins } from '../helpers/two-origins.js';
import { expectMatrix } from './matrix-session.js';

// The diagnosis matrix (matrix-session.ts) in Firefox ESR and WebKitGTK, as matrix.browser.test.ts runs it in Chromium.
describe.each(OTHER_ENGINES)('the diagnosis on fifteen misconfigurations, in $name', ({ launch }) => {
  const servers = useTwoOrigins();
  const browser = useEngine(launch);
  beforeAll(() => serveModules(servers.page));

  it('with the dev probe: the true cause first and confirmed, every time; without: never a wrong confirmed cause', {
    timeout: 240_000,
  }, async () => {
    await expectMatrix(servers, browser.open, browser.label());
  });
});
