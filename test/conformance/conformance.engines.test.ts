import { describe, it } from 'vitest';
import { launchFirefox } from './engines/firefox.js';
import { launchWebKit } from './engines/webkit.js';
import { expectFullAgreement } from './run-conformance.js';

describe('conformance: predictCors against real Firefox and WebKit', () => {
  it('agrees with Firefox ESR on every shape', async () => {
    await expectFullAgreement(launchFirefox);
  });

  it('agrees with WebKitGTK on every shape', async () => {
    await expectFullAgreement(launchWebKit);
  });
});
