import { anySignal } from './any-signal.js';

/** The abort signal of one attempt: the caller's signal plus the attempt's timeout. */
export interface AttemptSignal {
  /** Aborts when the caller aborts or the timeout fires. */
  readonly signal: AbortSignal;
  /** Whether the timeout (not the caller) aborted the attempt. */
  timedOut(): boolean;
  /** Stops the timer but keeps following the caller's signal (for streamed bodies). */
  stopTimer(): void;
  /** Stops the timer and stops following the caller's signal (the attempt is over). */
  dispose(): void;
}

/**
 * Creates a signal that follows the caller's signal and aborts itself with `reason()` after
 * `timeoutMs`: the one mechanism behind an attempt's timeout and a call's deadline.
 *
 * @param timeoutMs - when the timer fires
 * @param callerSignal - the caller's signal, if any
 * @param reason - what the signal aborts with when the timer fires
 * @param follow - `weakly` for a signal that may outlive this one (a caller's), `by-listener` for
 *   one that does not (the call's own signal, followed by each attempt)
 * @returns the signal and its controls; `timedOut()` is true only when the timer, not the caller,
 *   ended it
 */
export function createTimedSignal(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  reason: () => unknown,
  follow: 'weakly' | 'by-listener' = 'weakly',
): AttemptSignal {
  const controller = new AbortController();
  let signal = controller.signal;
  let unfollow: (() => void) | undefined;
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else if (callerSignal && follow === 'weakly') {
    // Held weakly: nothing is left on a long-lived caller signal once this one is gone, however
    // the call ended (a streamed body read to its end included).
    signal = anySignal([callerSignal, controller.signal]);
  } else if (callerSignal) {
    // A signal that lives no longer than this one (the call's own) is followed by a listener:
    // AbortSignal.any's weak references, and their collection, took a tenth or more of a call's
    // own CPU time.
    const abort = (): void => controller.abort(callerSignal.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: an abort fires once, and dispose removes the listener
    callerSignal.addEventListener('abort', abort, { once: true });
    unfollow = () => callerSignal.removeEventListener('abort', abort);
  }
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
    timedOut = !signal.aborted;
    controller.abort(reason());
  }, timeoutMs);
  const stopTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const dispose = (): void => {
    stopTimer();
    unfollow?.();
    unfollow = undefined;
  };
  return { signal, timedOut: () => timedOut, stopTimer, dispose };
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
  return createTimedSignal(
    timeoutMs,
    callerSignal,
    () => new DOMException('The request timed out', 'TimeoutError'),
    'by-listener',
  );
}
