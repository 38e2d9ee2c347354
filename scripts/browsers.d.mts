/** A browser (or a tool a browser run needs) that scripts/setup.mjs can install. */
export type BrowserPart = 'chromium' | 'firefox' | 'webkitDriver' | 'miniBrowser' | 'xvfbRun' | 'nginx';

/** The first of `names` on PATH, as a full path. */
export function onPath(...names: string[]): string | undefined;

/** Each browser's binary on this machine, or undefined when it is not installed. */
export function findBrowsers(): Record<BrowserPart, string | undefined>;

/** The Debian packages that provide `names`. */
export function debianPackages(names: readonly BrowserPart[]): string[];

/** The binary for `name`, or an Error that says what is missing and how to get it. */
export function requireBrowser(name: BrowserPart): string;

/** What each part is called in a message. */
export const LABELS: Readonly<Record<BrowserPart, string>>;

/** The flags every Chromium here is launched with (root in a container, a closed network). */
export const CHROMIUM_ARGS: string[];
