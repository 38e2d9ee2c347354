// The loader's full words. The production build (rollup.config.mjs, the `production` export condition) swaps this
// module for ./words.production.ts, which says the option or the code and links the docs; the errors' types and
// fields stay. Each message is its own small function so that both builds inline them where they are used.

/** The message of the TypeError (or RangeError) a bad option throws: which option, and what it must be. */
export const badOption = (option: string, must: string): string => `\`${option}\` must be ${must}`;

/** The messages of a JsonpError, after `JSONP <url>: `, one per code. */
export const aborted = (): string => 'aborted';
export const callbackBusy = (): string => 'callback name in use';
export const timedOut = (timeout: number, open: number | undefined): string =>
  `no response in ${timeout} ms; the browser keeps the request open (${open} to this origin; HTTP/1.1 serves 6 at a time)`;
export const noCallback = (callbackParam: string): string => `no callback: not JSONP, or not ?${callbackParam}=`;
export const scriptError = (): string => 'script error (HTTP, network, CSP or MIME)';
export const schemaFailed = (issue: string | undefined): string => `schema: ${issue}`;
