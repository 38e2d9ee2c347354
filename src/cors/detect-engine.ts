import { tagOf } from './body.js';
import type { Engine } from './types.js';

/** The part of `navigator` the detection reads, typed loosely: any value may sit there. */
interface NavigatorLike {
  /** `navigator.userAgent`, e.g. `Mozilla/5.0 … Firefox/153.0`. */
  userAgent?: unknown;
  /** `navigator.userAgentData` (Chromium only): its brands name the engine whatever the user agent says. */
  userAgentData?: {
    /** The brands, e.g. `[{ brand: 'Chromium' }, { brand: 'Google Chrome' }]`. */
    brands?: {
      /** One brand's name. */
      brand?: unknown;
    }[];
  };
}

/** The engine running this code: read from the user agent in a browser, `standard` anywhere else (Node, Deno, Bun). */
export function detectEngine(nav: NavigatorLike | undefined = (globalThis as { navigator?: NavigatorLike }).navigator): Engine {
  if (nav === undefined) return 'standard';
  if (nav.userAgentData?.brands?.some((entry) => entry.brand === 'Chromium') === true) return 'chromium';
  const ua = typeof nav.userAgent === 'string' ? nav.userAgent : '';
  if (!ua.includes('Mozilla/')) return 'standard'; // Node's navigator says "Node.js/20"
  if (/\bFirefox\//.test(ua)) return 'firefox';
  if (/(Chrome|Chromium|CriOS|Edg)\//.test(ua)) return 'chromium'; // HeadlessChrome too
  if (/\bAppleWebKit\//.test(ua)) return 'webkit';
  return 'standard';
}

/** The engine of the page's real `navigator`, once read. */
let pageEngine: Engine | undefined;
/** A runtime's own navigator that names no browser (Node's), and its engine: read again only if another object replaces it. */
let runtimeNavigator: { nav: NavigatorLike; engine: Engine } | undefined;

/**
 * {@link detectEngine} for the running code. A real navigator is read once: its engine never changes, and reading it
 * is slow. A browser's is never read again; Node's only while it is the global one (a test may stub another). A
 * stand-in (a plain object) is read on every call.
 */
export function ambientEngine(): Engine {
  if (pageEngine !== undefined) return pageEngine;
  const nav = (globalThis as { navigator?: NavigatorLike }).navigator;
  if (nav !== undefined && runtimeNavigator?.nav === nav) return runtimeNavigator.engine;
  const engine = detectEngine(nav);
  if (nav === undefined) return engine;
  if (engine !== 'standard' && /Navigator$/.test(tagOf(nav))) pageEngine = engine;
  // Node's navigator is an instance of its Navigator class (with no toStringTag); a stand-in is a plain object.
  else if (engine === 'standard' && Object.getPrototypeOf(nav) !== Object.prototype) runtimeNavigator = { nav, engine };
  return engine;
}
