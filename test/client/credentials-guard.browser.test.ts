import { describe, it } from 'vitest';
import { useChromiumTab } from '../helpers/chromium-tab.js';
import { expectCredentialsGuard } from './credentials-guard-session.js';

// The credentials-policy session (credentials-guard-session.ts) in real Chromium with a real cookie.
const { open, label, ...servers } = useChromiumTab();

describe('the credentials policy in real Chromium, with a real cookie', () => {
  it('redirects: a credentialed call never carries the cookie off the allowlist; JSONP is refused where the policy omits cookies', async () => {
    await expectCredentialsGuard(servers, open, label());
  });
});
