/** The abort signal of one attempt: the caller's signal plus the attempt's timeout. */
export interface AttemptSignal {
  /** Aborts when the caller aborts or the timeout fires. */
  readonly signal: AbortSignal;
  /** Whether the timeout (not the caller) aborted the attempt. */
  timedOut(): boolean;
  /** Stops the timer but keeps following the caller's signal (for streamed bodies). */
  stopTimer(): void;
  /** Stops the timer and lets go of the caller's signal. */
  dispose(): void;
}

/**
 * Creates the signal of one attempt, so that a timeout really aborts the request (the socket is
 * closed) and a caller abort reaches it too.
 *
 * @param timeoutMs - the attempt's timeout
 * @param callerSignal - the caller's signal, if any
 * @returns the attempt's signal and its controls
 */
export function createAttemptSignal(timeoutMs: number, callerSignal?: AbortSignal): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The request timed out', 'TimeoutError'));
  }, timeoutMs);
  const stopTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    stopTimer,
    dispose() {
      stopTimer();
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
