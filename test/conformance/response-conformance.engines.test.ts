import { describe, expect, it } from 'vitest';
import { launchFirefox } from './engines/firefox.js';
import { launchWebKit } from './engines/webkit.js';
import { compareResponses } from './response-compare.js';
import { expectResponseAgreement } from './response-run.js';

const STANDARD_DEPARTURES = ['authorization-01', 'authorization-06', 'authorization-07', 'authorization-09', 'authorization-10'];

describe('response conformance: the checks against real Firefox and WebKit', () => {
  it('agrees with Firefox ESR on every server answer', async () => {
    const run = await expectResponseAgreement(launchFirefox);
    expect(compareResponses(run, 'standard').map(({ item }) => item.id)).toEqual(STANDARD_DEPARTURES);
  });

  it('agrees with WebKitGTK on every server answer', async () => {
    const run = await expectResponseAgreement(launchWebKit);
    expect(compareResponses(run, 'standard').map(({ item }) => item.id)).toEqual(STANDARD_DEPARTURES);
  });
});
