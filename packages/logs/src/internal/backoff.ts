/**
 * The delay before a reconnection: exponential from `baseMs`, capped at `maxMs`, with "equal
 * jitter" (between half and all of it) so that many subscribers do not reconnect in step.
 *
 * @param attempt - 0 for the first reconnection after a healthy connection
 * @param baseMs - the first delay
 * @param maxMs - the cap
 * @returns milliseconds to wait
 */
export function reconnectDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Waits, unless the signal aborts first.
 *
 * @param milliseconds - how long
 * @param signal - cuts the wait short
 * @returns a promise that resolves after the delay or on abort
 */
export function wait(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, milliseconds);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: done() removes the listener itself
    signal.addEventListener('abort', done, { once: true });
  });
}
