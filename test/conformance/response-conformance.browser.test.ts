import { describe, expect, it } from 'vitest';
import { launchChromium } from './engines/chromium.js';
import { compareResponses } from './response-compare.js';
import { expectResponseAgreement } from './response-run.js';

describe('response conformance: the checks against real Chromium', () => {
  it('agrees with Chromium on every server answer: allowed or blocked, where, and which headers the page reads', async () => {
    const run = await expectResponseAgreement(launchChromium);
    // The matrix can tell the rules apart: the standard's own text disagrees exactly where Chromium departs from it.
    expect(compareResponses(run, 'standard').map(({ item }) => item.id)).toEqual([
      'authorization-01',
      'authorization-06',
      'authorization-07',
      'authorization-09',
      'authorization-10',
    ]);
  });
});
