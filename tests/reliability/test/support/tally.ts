// Counts what a test file did (faults injected, operations run, failures) and hands the counts to
// the global setup, which prints one summary line for the whole suite when the run ends.
import fs from 'node:fs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityTallyFile: string;
  }
}

export interface Tally {
  faults: number;
  operations: number;
  failures: number;
  /** Cases that fail today because of a reported bug (run as `it.fails`). */
  knownBugs: number;
}

/** A tally for one file; `flush()` (in afterAll) appends it to the run's tally file. */
export function createTally(): Tally & {
  flush(): void;
  guard<T>(work: () => Promise<T>, options?: { knownBug?: boolean }): Promise<T>;
} {
  const tally = {
    faults: 0,
    operations: 0,
    failures: 0,
    knownBugs: 0,
    flush() {
      const { faults, operations, failures, knownBugs } = tally;
      console.log(
        `reliability (this file): ${faults} faults injected, ${operations} operations, ${failures} failures, ${knownBugs} known bugs`,
      );
      fs.appendFileSync(
        inject('reliabilityTallyFile'),
        `${JSON.stringify({ faults, operations, failures, knownBugs })}\n`,
      );
    },
    /** Runs a test body and counts it as a failure (or a known bug) when it throws. */
    async guard<T>(work: () => Promise<T>, options: { knownBug?: boolean } = {}): Promise<T> {
      try {
        return await work();
      } catch (error) {
        if (options.knownBug) tally.knownBugs++;
        else tally.failures++;
        throw error;
      }
    },
  };
  return tally;
}
