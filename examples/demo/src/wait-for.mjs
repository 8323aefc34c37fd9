const POLL_INTERVAL_MS = 200;
const DEFAULT_WAIT_MS = 20_000;

/**
 * Polls until `check` resolves to something other than `undefined`, and returns it.
 * @param check - an async check
 * @param what - what is awaited, for the error message
 * @param waitMs - how long to wait at most
 * @returns the first defined result
 * @throws when nothing came in time
 */
export async function waitFor(check, what, waitMs = DEFAULT_WAIT_MS) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
