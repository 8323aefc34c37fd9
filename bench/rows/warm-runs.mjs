// How reads of a few milliseconds are timed warm, in one place: the worker runs them, the
// operation rows pass the counts on, and the OS update row seeds one device per call.

/**
 * Unmeasured calls after the first, so that V8 has optimised each SDK's code on the answer (a
 * profile of the OS versions row: after 5 calls balena-ts took 1.9 times raw fetch, after 50 about
 * 1.1; raw fetch has little code to optimise). At 30, with 9 measured calls, two quiet runs of the
 * same row differed by up to 0.35 in their ratio to raw fetch.
 */
export const WARM_UP = 100;

/** Measured calls after the warm-up; the median is reported. */
export const WARM_RUNS = 31;

/** Calls of a warm row in one worker: the first (its requests counted), the warm-up, the measured. */
export const CALLS_PER_WARM_ROW = 1 + WARM_UP + WARM_RUNS;
