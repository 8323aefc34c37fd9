// Gives every test file a place to leave its counts, and prints the suite's summary line at the end:
// `reliability: N faults injected, M operations, F failures`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-reliability-'));
  const file = path.join(directory, 'tally.jsonl');
  fs.writeFileSync(file, '');
  project.provide('reliabilityTallyFile', file);
  return () => {
    const totals = { faults: 0, operations: 0, failures: 0, knownBugs: 0 };
    for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const counts = JSON.parse(line) as typeof totals;
      totals.faults += counts.faults;
      totals.operations += counts.operations;
      totals.failures += counts.failures;
      totals.knownBugs += counts.knownBugs;
    }
    console.log(
      `reliability: ${totals.faults} faults injected, ${totals.operations} operations, ${totals.failures} failures` +
        ` (${totals.knownBugs} known bugs, run as it.fails)`,
    );
    fs.rmSync(directory, { recursive: true, force: true });
  };
}
