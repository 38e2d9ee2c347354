import { describe, it } from 'vitest';
import { launchChromium } from './engines/chromium.js';
import { expectFullAgreement } from './run-conformance.js';

describe('conformance: predictCors against real Chromium', () => {
  it('agrees with Chromium on every shape: OPTIONS or not, Access-Control-Request-Headers, refusal', async () => {
    await expectFullAgreement(launchChromium);
  });
});
