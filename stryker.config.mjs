// Stryker's configuration for every package, run from the package's folder by scripts/mutate.mjs
// (STRYKER_PACKAGE names the package).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const name = process.env.STRYKER_PACKAGE;
// A part of the package (scripts/mutate.mjs --part): its own files and globs.
const id = process.env.STRYKER_ID ?? name;
const mutate = process.env.STRYKER_MUTATE === undefined ? undefined : JSON.parse(process.env.STRYKER_MUTATE);
const mutationDirectory = path.resolve(import.meta.dirname, 'mutation');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Named by path: pnpm keeps the plugins out of reach of Stryker's own plugin search.
  plugins: [
    fileURLToPath(import.meta.resolve('@stryker-mutator/vitest-runner')),
    fileURLToPath(import.meta.resolve('@stryker-mutator/typescript-checker')),
  ],
  testRunner: 'vitest',
  vitest: { configFile: path.resolve(import.meta.dirname, 'scripts', 'stryker-vitest.config.ts') },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // Type-only files and entry files (export lists) hold nothing a test could kill.
  mutate: mutate ?? ['src/**/*.ts', '!src/index.ts'],
  // Static mutants (module-level code) each run every test; a part may leave them out (ignored).
  ignoreStatic: process.env.STRYKER_IGNORE_STATIC === '1',
  incremental: true,
  incrementalFile: path.join(mutationDirectory, `${id}.incremental.json`),
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: path.join(mutationDirectory, `${id}.report.json`) },
  // Test processes at once; the machine may be shared, so STRYKER_CONCURRENCY=1 leaves cores to others.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // In place: a copy of the package elsewhere breaks the relative paths of its tsconfig and tests
  // (and vitest skips test files below node_modules). Stryker restores every file when it ends;
  // a run that is killed leaves mutated sources behind: `git checkout packages/<name>/src`.
  inPlace: true,
};
