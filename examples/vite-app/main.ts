import { createClient, isCorsError, jsonpTransport } from 'crosswise';

// The smallest real app on crosswise: a client with the JSONP fallback for one legacy origin, one call, its errors
// told apart. `npm run size` builds it with Vite in production mode (test/helpers/vite-app.ts) to report what
// crosswise weighs in a real app's bundle.

const api = createClient({ baseUrl: 'https://api.example', jsonp: jsonpTransport({ origins: ['https://legacy.example'] }) });
const output = document.querySelector('output');

try {
  const user = await api.get('users/1').json();
  if (output) output.textContent = JSON.stringify(user);
} catch (error) {
  if (output) output.textContent = isCorsError(error) ? error.message : String(error);
}
