/**
 * A simulated device's timers and its queue of API calls: calls run one after another, so reports
 * reach the API in order; timers are `unref`'d so they never hold the process; once halted, nothing
 * queued runs any more.
 */
export class AgentSchedule {
  private readonly timers = new Set<NodeJS.Timeout>();
  private queue: Promise<unknown> = Promise.resolve();
  private halted = false;

  /** Runs `task` after every queued call; a failure (the sandbox closing) never escapes. */
  enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    const run = () => (this.halted ? Promise.resolve(undefined) : task());
    const next = this.queue.then(run, run).catch(() => undefined);
    this.queue = next;
    return next;
  }

  /** Resolves once every call queued so far has run. */
  async drain(): Promise<void> {
    await this.queue;
  }

  /** Runs `task` every `intervalMs` (never for 0 or less). */
  every(intervalMs: number, task: () => Promise<unknown>): void {
    if (intervalMs <= 0) return;
    const timer = setInterval(() => void task(), intervalMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Runs `task` once after `delayMs`. */
  later(delayMs: number, task: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** Cancels every timer. */
  clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Cancels every timer and drops every call not yet run. */
  halt(): void {
    this.clearTimers();
    this.halted = true;
  }
}
