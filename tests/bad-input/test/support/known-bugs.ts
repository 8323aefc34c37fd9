// Bugs this suite found, reported to the packages' owners (see the final report of the session
// that wrote this file). Each entry names a function and the failures it shows today; those
// failures do not fail the run, and a matching `it.fails` case turns red once the bug is fixed
// (then delete the entry). Most are `null`/wrong-type arguments reaching `.trim()`, `.replace()`
// or a destructuring before any check (default parameters only replace `undefined`).
export const KNOWN_BUGS: Record<string, { summary: string; pattern: RegExp }> = {};
