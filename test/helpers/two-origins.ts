import { afterAll, beforeAll } from 'vitest';
import { createRecordingServer, type RecordingServer } from './recording-server.js';

// Stands in for a server that opens only in beforeAll, so a test file can name it at the top.
function lateBound(get: () => RecordingServer | undefined): RecordingServer {
  return new Proxy({} as RecordingServer, {
    get(_, key) {
      const server = get();
      if (server === undefined) throw new Error('the loopback servers open in beforeAll: use them inside a test or a hook');
      const value: unknown = Reflect.get(server, key);
      return typeof value === 'function' ? value.bind(server) : value;
    },
  });
}

/**
 * Two loopback recording servers are two origins, the page's and the API's, open for the file's tests. Node sends
 * whatever it is given, so the API's records show exactly what crosswise let through.
 */
export function useTwoOrigins(): { page: RecordingServer; api: RecordingServer } {
  let page: RecordingServer | undefined;
  let api: RecordingServer | undefined;
  beforeAll(async () => {
    [page, api] = await Promise.all([createRecordingServer(), createRecordingServer()]);
  });
  afterAll(async () => {
    await Promise.all([page?.close(), api?.close()]);
  });
  return { page: lateBound(() => page), api: lateBound(() => api) };
}
