import type { CorsPrediction } from '../cors/index.js';
import type { CorsCause } from '../errors/cors-error.js';

// The browser hides why a cross-origin call failed; the prediction says what the server had to allow. Causes
// are ranked by how often each breaks real deployments: the preflight first, then the headers it must list.
export function likelyCauses(prediction: CorsPrediction): CorsCause[] {
  const origin = prediction.origin ?? '<page origin>';
  const include = prediction.credentials === 'include';
  const allowOrigin = include ? origin : `${origin} (or *)`;
  const causes: CorsCause[] = [];
  if (prediction.preflight) {
    causes.push({
      code: 'preflight_rejected',
      header: 'Access-Control-Allow-Origin',
      value: allowOrigin,
      message: `the OPTIONS preflight must answer 2xx with Access-Control-Allow-Origin: ${allowOrigin}`,
    });
    const headers = prediction.unsafeHeaders;
    if (headers.length > 0) {
      const authorization = headers.includes('authorization') ? ' (a * never covers Authorization)' : '';
      const value = [...new Set(headers)].join(', ');
      causes.push({
        code: 'header_not_allowed',
        header: 'Access-Control-Allow-Headers',
        value,
        message: `the preflight must answer Access-Control-Allow-Headers: ${value}${authorization}`,
      });
    }
    if (!['GET', 'HEAD', 'POST'].includes(prediction.method)) {
      causes.push({
        code: 'method_not_allowed',
        header: 'Access-Control-Allow-Methods',
        value: prediction.method,
        message: `the preflight must answer Access-Control-Allow-Methods: ${prediction.method} (case-sensitive)`,
      });
    }
  }
  if (include) {
    causes.push({
      code: 'credentials_not_allowed',
      header: 'Access-Control-Allow-Credentials',
      value: 'true',
      message: `with credentials: 'include' every response must carry Access-Control-Allow-Origin: ${origin} (not *) and Access-Control-Allow-Credentials: true`,
    });
  }
  causes.push({
    code: 'missing_allow_origin',
    header: 'Access-Control-Allow-Origin',
    value: allowOrigin,
    message: `the response must carry Access-Control-Allow-Origin: ${allowOrigin}`,
  });
  causes.push({ code: 'unreachable', message: 'or not CORS at all: the server is down, unreachable, or refused the connection' });
  return causes;
}
