/** The connection went quiet for longer than the server's keep-alive allows. */
export class StalledConnection extends Error {
  /**
   * @param silenceMs - how long nothing arrived
   */
  constructor(silenceMs: number) {
    super(`No data, not even a keep-alive, for ${silenceMs} ms`);
    this.name = 'StalledConnection';
  }
}

/**
 * Calls `onStall` when `feed()` has not been called for `timeoutMs`.
 *
 * @param timeoutMs - the allowed silence
 * @param onStall - called once when the silence is too long
 * @returns `feed` to call on every piece of data, and `stop`
 */
export function startWatchdog(timeoutMs: number, onStall: () => void): { feed(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onStall, timeoutMs);
  };
  arm();
  return {
    feed: arm,
    stop(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
