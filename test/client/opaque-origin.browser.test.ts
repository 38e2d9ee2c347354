import { describe, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { expectOpaqueOriginSession } from './opaque-origin-session.js';

// A sandboxed page (origin 'null') in real Chromium: see opaque-origin-session.ts.
const { page, api, open } = useChromiumTab();

describe("a sandboxed page (origin 'null') in real Chromium", () => {
  it('is cross-origin to every server, its own too, in the client, createFetch, the policy, warnings, stats and JSONP', async () => {
    await expectOpaqueOriginSession({ page, api }, open);
  });
});
