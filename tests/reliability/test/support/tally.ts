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
}

/** A tally for one file; `flush()` (in afterAll) appends it to the run's tally file. */
export function createTally(): Tally & { flush(): void; guard<T>(work: () => Promise<T>): Promise<T> } {
  const tally = {
    faults: 0,
    operations: 0,
    failures: 0,
    flush() {
      const { faults, operations, failures } = tally;
      console.log(`reliability (this file): ${faults} faults injected, ${operations} operations, ${failures} failures`);
      fs.appendFileSync(inject('reliabilityTallyFile'), `${JSON.stringify({ faults, operations, failures })}\n`);
    },
    /** Runs a test body and counts it as a failure when it throws. */
    async guard<T>(work: () => Promise<T>): Promise<T> {
      try {
        return await work();
      } catch (error) {
        tally.failures++;
        throw error;
      }
    },
  };
  return tally;
}
