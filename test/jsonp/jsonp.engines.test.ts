import { afterAll, beforeAll, describe, it } from 'vitest';
import { OTHER_ENGINES, useEngine } from '../conformance/engines/use-engine.js';
import { serveModules } from '../helpers/module-server.js';
import { createRecordingServer, type RecordingServer } from '../helpers/recording-server.js';
import {
  CLIENT_TRANSPORT,
  CONNECTION_PRESSURE,
  CSP_NONCE,
  INPUT,
  LIFECYCLE,
  expectScenario,
  stress,
  type JsonpScenario,
} from './jsonp-scenarios.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// The loader's scenarios (jsonp-scenarios.ts) in Firefox ESR and WebKitGTK, as jsonp.browser.test.ts runs them in Chromium.
const SCENARIOS: readonly JsonpScenario[] = [LIFECYCLE, CSP_NONCE, stress(200), CLIENT_TRANSPORT, INPUT, CONNECTION_PRESSURE];

describe.each(OTHER_ENGINES)('loadJsonp in $name', ({ launch }) => {
  let page: RecordingServer | undefined;
  let legacy: LegacyServer | undefined;
  beforeAll(async () => {
    [page, legacy] = await Promise.all([createRecordingServer(), createLegacyServer()]);
    serveModules(page);
  });
  afterAll(async () => {
    await Promise.all([page?.close(), legacy?.close()]);
  });
  const browser = useEngine(launch);

  for (const scenario of SCENARIOS) {
    it(scenario.title, { timeout: 60_000 }, async () => {
      if (page === undefined || legacy === undefined) throw new Error('the servers did not start');
      await expectScenario(scenario, page, legacy.origin, browser.open, browser.label());
    });
  }
});
