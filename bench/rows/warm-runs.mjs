// How reads of a few milliseconds are timed warm, in one place: the worker runs them, the
// operation rows pass the counts on, and the OS update row seeds one device per call.

/**
 * Unmeasured calls after the first, so that V8 has optimised each SDK's code on the answer. A
 * profile of the OS versions row: after 5 calls balena-ts took 1.9 times raw fetch, after 50 about
 * 1.1. Medians by stretch of one process's calls (2026-12-03, four processes per column) showed
 * the code still moving long after that: on the log row balena-ts took 1.05-1.63 times raw fetch
 * over calls 100-131 (where 100 warm-up calls put the measured ones) and 0.86-0.97 over calls
 * 131-200; on the OS versions row 1.14-1.49 over calls 300-500 and 0.98-1.04 over 500-800, where
 * every column had settled. Hence 500. The measured calls then still pass through phases of a
 * few hundred calls each (V8 was still optimising balena-ts's request path until about call 700:
 * 195 optimisations between calls 500 and 600 of the organizations row), and a median over 301
 * calls swung with where they fell (organizations 1.43-2.51 times raw fetch in six full runs);
 * over 1,501 calls the three smallest reads measured 1.21-1.27, each run within 0.2 ms of the others.
 */
export const WARM_UP = 500;

/** Measured calls after the warm-up; the median is reported. */
export const WARM_RUNS = 1_501;

/** Calls of a warm row in one worker: the first (its requests counted), the warm-up, the measured. */
export const CALLS_PER_WARM_ROW = 1 + WARM_UP + WARM_RUNS;
