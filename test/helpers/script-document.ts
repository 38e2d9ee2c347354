import { Window } from 'happy-dom';
import { afterEach } from 'vitest';

// For the JSONP paths of the client and createFetch in Node: happy-dom documents that run script tags for real against
// the loopback servers (the lifecycle, not CORS, is what happy-dom models); jsonp-endpoint.ts serves what they load.

/** `freshDocument()` opens a happy-dom document that runs scripts; every one opened closes after each test. */
export function useScriptDocuments(): () => Document {
  const windows: Window[] = [];
  afterEach(async () => {
    await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
  });
  return () => {
    // The only scripts it runs are the test's own loopback servers', so happy-dom's warning about untrusted code does not apply.
    const window = new Window({
      url: 'http://app.example/',
      settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
    });
    windows.push(window);
    return window.document as unknown as Document;
  };
}
