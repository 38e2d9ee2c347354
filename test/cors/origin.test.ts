import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameOrigin, originOf, originOfHref, readOrigin } from '../../src/cors/origin.js';

// The one home of "which origin is this": every layer reads these, so they must agree with the URL parser exactly.
describe('origins', () => {
  it('originOfHref is the URL parser’s origin for any serialized URL, sliced or not', () => {
    const hrefs = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl({ authoritySettings: { withUserInfo: true, withPort: true } }),
      fc.constantFrom(
        'http://127.0.0.1:8080',
        'https://user:pw@api.example/x',
        'http://api.example:80/x',
        'https://[::1]:443/x',
        'data:text/plain,hi',
        'blob:https://app.example/1b4e28ba',
        'file:///home/app/index.html',
        'about:blank',
      ),
    );
    fc.assert(
      fc.property(hrefs, (url) => {
        const href = new URL(url).href;
        expect(originOfHref(href)).toBe(new URL(href).origin);
      }),
      { numRuns: 100 },
    );
  });

  it("originOf reads any value, 'null' for what is not a URL", () => {
    expect(originOf('https://api.example/a?b')).toBe('https://api.example');
    expect(originOf('/relative')).toBe('null');
    expect(originOf(undefined)).toBe('null');
  });

  it("readOrigin keeps 'null' (an opaque page) apart from unknown (null) and unreadable (null)", () => {
    expect(readOrigin('null')).toBe('null');
    expect(readOrigin('https://app.example/path')).toBe('https://app.example');
    expect(readOrigin(undefined)).toBeNull();
    expect(readOrigin('not a url')).toBeNull();
  });

  it("an opaque page ('null') and an unknown one are same-origin with nothing, not even a 'null' target", () => {
    expect(isSameOrigin('https://app.example', 'https://app.example')).toBe(true);
    expect(isSameOrigin('https://api.example', 'https://app.example')).toBe(false);
    expect(isSameOrigin('https://app.example', null)).toBe(false);
    expect(isSameOrigin('https://app.example', 'null')).toBe(false);
    expect(isSameOrigin('null', 'null')).toBe(false);
  });
});
