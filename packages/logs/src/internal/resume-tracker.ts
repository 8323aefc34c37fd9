import type { LogLine } from '../types.js';

function fingerprintOf(line: LogLine): string {
  return `${line.timestamp}|${line.isStdErr ? 1 : 0}${line.isSystem ? 1 : 0}|${line.serviceId}|${line.message}`;
}

/**
 * Decides which lines are new, so that a subscription that resumes after a reconnection neither
 * repeats nor skips a line.
 *
 * balena resumes by time (`start=<createdAt>`) and many lines share a millisecond, so a replay
 * from the last delivered line's time brings back some lines already delivered. The tracker keeps
 * how many lines of each content it delivered at that last millisecond; within a new pass, the
 * first that many copies are repeats, later ones are new. Lines of earlier milliseconds are repeats.
 */
export class ResumeTracker {
  private lastCreatedAt: number | undefined;
  private delivered = new Map<string, number>();
  private seenThisPass = new Map<string, number>();

  /** The time of the last delivered line, if any. */
  get lastDeliveredAt(): number | undefined {
    return this.lastCreatedAt;
  }

  /** Starts a new pass over the log (a new connection, or a history read). */
  beginPass(): void {
    this.seenThisPass.clear();
  }

  /**
   * Tells whether a line is new, and records it as delivered when it is.
   *
   * @param line - the next line of the current pass
   * @returns true when the line must be delivered
   */
  accept(line: LogLine): boolean {
    const last = this.lastCreatedAt;
    if (last !== undefined && line.createdAt < last) return false;
    const fingerprint = fingerprintOf(line);
    if (last === undefined || line.createdAt > last) {
      this.lastCreatedAt = line.createdAt;
      this.delivered.clear();
      this.seenThisPass.clear();
      this.delivered.set(fingerprint, 1);
      this.seenThisPass.set(fingerprint, 1);
      return true;
    }
    const seen = (this.seenThisPass.get(fingerprint) ?? 0) + 1;
    this.seenThisPass.set(fingerprint, seen);
    const deliveredCount = this.delivered.get(fingerprint) ?? 0;
    if (seen <= deliveredCount) return false;
    this.delivered.set(fingerprint, deliveredCount + 1);
    return true;
  }
}
