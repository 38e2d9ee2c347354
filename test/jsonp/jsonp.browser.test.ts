import { afterAll, beforeAll, describe, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { CLIENT_TRANSPORT, CONNECTION_PRESSURE, CSP_NONCE, INPUT, LIFECYCLE, expectScenario, stress } from './jsonp-scenarios.js';
import { createLegacyServer, type LegacyServer } from './legacy-server.js';

// The loader in real Chromium: the page on one loopback origin, the legacy JSONP service on another (the tab's API
// origin stays unused: a script tag needs no CORS). The scenarios (jsonp-scenarios.ts) run in Firefox and WebKit too.
const { page, open, label } = useChromiumTab();
let legacy: LegacyServer;

beforeAll(async () => {
  legacy = await createLegacyServer();
});
afterAll(async () => {
  await legacy?.close();
});

describe('loadJsonp in real Chromium', () => {
  for (const scenario of [LIFECYCLE, CSP_NONCE, stress(1000), CLIENT_TRANSPORT, INPUT, CONNECTION_PRESSURE]) {
    it(scenario.title, async () => {
      await expectScenario(scenario, page, legacy.origin, open, label());
    });
  }
});
