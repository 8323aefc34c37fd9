/** Links several signals into one with a listener on each, which stays there until that signal aborts. */
function linkSignals(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  const onAbort = (event: Event): void => controller.abort((event.target as AbortSignal).reason);
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason);
    else {
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: a signal aborts once, so its listener runs once either way
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  return controller.signal;
}

/**
 * A signal that aborts when any of `signals` does, with the reason of the first. What follows a
 * caller's signal may live as long as the caller keeps it (a derived client, a call whose streamed
 * body is read after it returned): `AbortSignal.any` lets a long-lived signal forget it once it is
 * collected, with nothing to remove. Browsers before 2024 lack it, whatever the lib types say;
 * there a listener on each signal stays until that signal aborts.
 *
 * @param signals - the signals to follow
 * @returns the linked signal
 */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  return typeof AbortSignal.any === 'function' ? AbortSignal.any(signals) : linkSignals(signals);
}
