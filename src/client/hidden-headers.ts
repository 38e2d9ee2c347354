import { describeCheck } from '../cors/check-text.js';
import { SAFELISTED_RESPONSE_HEADERS } from '../cors/expose-headers.js';
import type { CorsPrediction } from '../cors/index.js';
import { originOfHref } from '../cors/origin.js';
import type { Warner } from './warnings.js';

// A development aid (`diagnose.hiddenHeaders`): a cross-origin response shows the page only the safelisted response
// headers and those in Access-Control-Expose-Headers; any other reads as null, as if the server had not sent it.

/** Makes `response.headers.get` warn (once per header and origin, through `warn.note`) when a hidden header reads as null. */
export function watchHiddenHeaders(response: Response, prediction: CorsPrediction, warn: Warner): void {
  if (response.type !== 'cors' || prediction.url === null) return;
  const headers = response.headers;
  const get = headers.get.bind(headers);
  const origin = originOfHref(prediction.url);
  headers.get = (name: string): string | null => {
    const value = get(name);
    const lower = String(name).toLowerCase();
    if (value === null && !SAFELISTED_RESPONSE_HEADERS.has(lower)) {
      const { message, fix } = describeCheck({ stage: 'response', code: 'header_not_exposed', header: lower, expected: lower });
      warn.note(`${origin}: ${message}, so it reads as null. If the server sends it: ${fix}`, prediction);
    }
    return value;
  };
}
