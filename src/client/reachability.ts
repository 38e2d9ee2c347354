// After a failure, and only when asked for: one no-cors GET to the target's origin tells a refused response (the
// server answered, opaquely) from a server the browser cannot reach. No credentials, no body, a short deadline.

type Fetch = (input: Request) => Promise<Response>;

/** True when the origin answered, false when it could not be reached, undefined when the check itself ran out of time. */
export async function checkReachable(origin: string, fetch: Fetch, timeoutMs: number): Promise<boolean | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const request = new Request(`${origin}/`, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    await fetch(request);
    return true;
  } catch {
    // A deadline says nothing either way; any other rejection is the network's.
    return controller.signal.aborted ? undefined : false;
  } finally {
    clearTimeout(timer);
  }
}
