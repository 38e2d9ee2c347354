import { describeCheck } from '../cors/check-text.js';
import type { CorsPrediction } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';
import { watchHeaderReads } from './header-reads.js';
import type { Warner } from './warnings.js';

// A development aid (`diagnose.hiddenHeaders`): a cross-origin response shows the page only the safelisted response
// headers and those in Access-Control-Expose-Headers; any other reads as null, as if the server had not sent it.

/** Warns (once per header and origin, through `warn.note`) that the app read `name` from `origin` and got nothing. */
export function warnHiddenHeader(origin: string, name: string, prediction: CorsPrediction, warn: Warner): void {
  const { message, fix } = describeCheck({ stage: 'response', code: 'header_not_exposed', header: name, expected: name });
  warn.note('header_not_exposed', `${origin}: ${message}, so it reads as null. If the server sends it: ${fix}`, prediction);
}

/**
 * Watches the header reads of each response the browser filtered by CORS (`response.type === 'cors'`: only those hide
 * headers), and warns about each read that came back empty.
 */
export function watchHiddenHeaders(warn: Warner): (response: Response, prediction: CorsPrediction) => void {
  return (response, prediction) => {
    if (prediction.url === null || response.type !== 'cors') return;
    const origin = originOfHref(prediction.url);
    watchHeaderReads(response.headers, (name, present) => {
      if (!present) warnHiddenHeader(origin, name, prediction, warn);
    });
  };
}
