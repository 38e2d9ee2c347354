/**
 * What a call threw or its promise rejected with, as a value to assert on; `'resolved'` when it did neither, so an
 * assertion on the error still fails. Given a function, calls it (a synchronous throw counts) and awaits what it returns.
 */
export async function caught(call: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof call === 'function' ? call() : call);
    return 'resolved';
  } catch (error) {
    return error;
  }
}
