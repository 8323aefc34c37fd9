import { TimeoutError } from '../errors/request-errors.js';
import { createTimedSignal } from './attempt-signal.js';

/** The signal of one call of the request function, across its attempts and the waits between them. */
export interface CallSignal {
  /** Aborts when the caller's signal aborts, or with a {@link TimeoutError} when the deadline passes. */
  readonly signal: AbortSignal;
  /** Whether the deadline (not the caller) ended the call. */
  deadlinePassed(): boolean;
  /** Stops the deadline (a streamed answer's headers arrived) but keeps following the caller's signal. */
  stopDeadline(): void;
  /** Stops the deadline (the call is over). */
  dispose(): void;
}

/** What a deadline's error says about the call it ended. */
export interface CallProgress {
  /** `METHOD url`, redacted. */
  readonly where: string;
  /** Sends so far. */
  readonly attempts: number;
  /** Milliseconds per attempt. */
  readonly timeoutMs: number;
}

/**
 * Formats a count of milliseconds the way messages show them: `30,000 ms`.
 *
 * @param milliseconds - a duration
 * @returns the duration, rounded, with thousands separators
 */
export function formatMilliseconds(milliseconds: number): string {
  return `${Math.round(milliseconds).toLocaleString('en-US')} ms`;
}

/**
 * Creates the signal of one call: the caller's signal plus the call's deadline, which bounds every
 * attempt and every wait between them (a `Retry-After` included), so that a hanging API fails
 * after the deadline rather than after every attempt's timeout in turn.
 *
 * @param deadlineMs - milliseconds the whole call may take
 * @param callerSignal - the caller's signal, if any
 * @param progress - read when the deadline passes, for the error's message
 * @returns the call's signal and its controls
 */
export function createCallSignal(
  deadlineMs: number,
  callerSignal: AbortSignal | undefined,
  progress: () => CallProgress,
): CallSignal {
  const startedAtMs = Date.now();
  const timed = createTimedSignal(deadlineMs, callerSignal, () => {
    const { where, attempts, timeoutMs } = progress();
    const tried = `${attempts} attempt${attempts === 1 ? '' : 's'} in ${formatMilliseconds(Date.now() - startedAtMs)}`;
    return new TimeoutError(
      `${where} did not complete within its deadline of ${formatMilliseconds(deadlineMs)}: ${tried} ` +
        `(each attempt may take ${formatMilliseconds(timeoutMs)})`,
    );
  });
  return {
    signal: timed.signal,
    deadlinePassed: timed.timedOut,
    stopDeadline: timed.stopTimer,
    dispose: timed.dispose,
  };
}

/** What {@link retryAfterPastDeadline} says about the call. */
export interface CallDeadline extends CallProgress {
  /** The call's deadline, in milliseconds. */
  readonly deadlineMs: number;
  /** When the call began (`Date.now()`). */
  readonly startedAtMs: number;
}

/**
 * The error of a call whose server asked (`Retry-After`) for a wait that ends past the deadline:
 * given at once, since waiting could only end at the deadline.
 *
 * @param call - where, attempts, timeout, deadline and start of the call
 * @param status - the answer's status (429, 503...)
 * @param waitMs - the wait the server asked for
 * @param cause - the answer's error
 * @returns the TimeoutError to end the call with
 */
export function retryAfterPastDeadline(
  call: CallDeadline,
  status: number,
  waitMs: number,
  cause: unknown,
): TimeoutError {
  const { where, attempts, deadlineMs, startedAtMs } = call;
  const tried = `${attempts} attempt${attempts === 1 ? '' : 's'} in ${formatMilliseconds(Date.now() - startedAtMs)}`;
  return new TimeoutError(
    `${where} answered ${status} and asked to wait ${formatMilliseconds(waitMs)} (Retry-After), past its deadline of ` +
      `${formatMilliseconds(deadlineMs)}: gave up after ${tried}`,
    { cause },
  );
}
