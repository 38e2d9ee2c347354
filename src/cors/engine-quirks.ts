import type { Engine } from './types.js';

// How each engine reads fetch()'s arguments and parses a request Content-Type where it departs from the standard.
// Kept apart from engines.ts (the CORS profiles) so each table has one job; docs/engines.md prints both.

/**
 * How an engine parses a request Content-Type to decide whether it is safelisted:
 * - `mimesniff`: the MIME Sniffing standard's "parse a MIME type" (parameters never make the parse fail);
 * - `gecko-request`: Gecko's net_ParseRequestContentType (netwerk/base/nsURLHelper.cpp), which fails on any `,` and
 *   on a trailing `;` after an earlier parameter (`text/plain;a=b;`, `text/plain;;`), though `text/plain;` alone parses.
 */
export type ContentTypeParser = 'mimesniff' | 'gecko-request';

/** What an engine does with the Request's arguments beyond the CORS rules in its profile. Each entry names its source. */
export interface EngineQuirks {
  /** `init.window` other than null: a TypeError (the standard, Request constructor step 11) or ignored. */
  readonly windowMember: 'must-be-null' | 'ignored';
  /** How a Content-Type value is parsed before its essence is compared with the three safelisted ones. */
  readonly contentTypeParser: ContentTypeParser;
}

// Measured with `new Request(url, { window: {} })` and with the `content-type-params` shapes of test/conformance/shapes.ts
// in Chromium 156, Firefox 153.8 ESR and WebKitGTK 2.50.6 (each: preflight or not, as the recording server saw it).
export const ENGINE_QUIRKS: Readonly<Record<Engine, EngineQuirks>> = Object.freeze({
  standard: Object.freeze({ windowMember: 'must-be-null', contentTypeParser: 'mimesniff' }),
  chromium: Object.freeze({ windowMember: 'ignored', contentTypeParser: 'mimesniff' }),
  firefox: Object.freeze({ windowMember: 'ignored', contentTypeParser: 'gecko-request' }),
  webkit: Object.freeze({ windowMember: 'must-be-null', contentTypeParser: 'mimesniff' }),
});
