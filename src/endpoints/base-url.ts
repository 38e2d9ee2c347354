// Where an endpoint's path goes: under the API root the client names, as a user reads `baseUrl` + `path`.

/**
 * `baseUrl` with its path ending in a slash, so that an endpoint's path extends it: under `https://api.example.com/v1`
 * the path `/items` is `/v1/items`. (Standard URL resolution, which ky's `baseUrl` does, would replace the last segment
 * and send `/items`.) An empty or absent `baseUrl` stays as it is.
 * @example
 * baseDirectory('https://api.example.com/v1?key=1'); // 'https://api.example.com/v1/?key=1'
 */
export function baseDirectory(baseUrl: unknown): string | undefined {
  if (baseUrl === undefined || baseUrl === null || String(baseUrl) === '') return undefined;
  const text = String(baseUrl);
  const pathEnd = text.search(/[?#]|$/);
  const path = text.slice(0, pathEnd);
  return path.endsWith('/') ? text : `${path}/${text.slice(pathEnd)}`;
}
