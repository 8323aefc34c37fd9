#!/usr/bin/env node
// Mutation testing: `pnpm mutate <package> [<package> ...]` runs Stryker (vitest runner, TypeScript
// checker) on each named package's src/ against that package's own tests, incrementally: mutants
// whose code and tests did not change since the last run keep their result
// (mutation/<package>.incremental.json, committed). Each run rewrites mutation/<package>.json (the
// scores) and mutation/REPORT.md (every package's score, date and commit). Slow: see
// mutation/README.md for the time each package takes on two cores; `npm test` does not run it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const MUTATION_DIRECTORY = path.join(root, 'mutation');
const PACKAGES = ['core', 'models', 'auth', 'logs', 'supervisor', 'settings-node', 'settings-browser'];
// A part of one package, for a package whose full run takes too long at once:
// `pnpm mutate core --part odata --mutate 'src/odata/**/*.ts' [--mutate ...] [--ignore-static]` mutates
// only those files, keeps its own incremental file (mutation/core.odata.incremental.json) and
// summary (mutation/core.odata.json), and REPORT.md labels its row partial. `--ignore-static` leaves
// static mutants (code run once, at import: each one runs every test) out, counted as ignored.
const names = [];
const mutate = [];
let part;
let ignoreStatic = false;
for (let index = 2; index < process.argv.length; index += 1) {
  const argument = process.argv[index];
  if (argument === '--part') part = process.argv[++index];
  else if (argument === '--mutate') mutate.push(process.argv[++index]);
  else if (argument === '--ignore-static') ignoreStatic = true;
  else names.push(argument);
}
const usage =
  `usage: pnpm mutate <package> [...] | pnpm mutate <package> --part <label> --mutate <glob> [...] [--ignore-static]; ` +
  `packages: ${PACKAGES.join(', ')}`;
if (names.length === 0 || names.some((name) => !PACKAGES.includes(name))) {
  console.error(usage);
  process.exit(2);
}
if (
  (part !== undefined || mutate.length > 0 || ignoreStatic) &&
  (names.length !== 1 || !part || mutate.length === 0 || !/^[a-z0-9-]+$/.test(part))
) {
  console.error(`a part names one package, a label (a-z, 0-9, -) and at least one --mutate glob\n${usage}`);
  process.exit(2);
}

function commit() {
  return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
}

for (const name of names) {
  const directory = path.join(root, 'packages', name);
  const id = part === undefined ? name : `${name}.${part}`;
  const started = Date.now();
  const run = spawnSync('pnpm', ['exec', 'stryker', 'run', path.join(root, 'stryker.config.mjs')], {
    cwd: directory,
    stdio: 'inherit',
    env: {
      ...process.env,
      STRYKER_PACKAGE: name,
      STRYKER_ID: id,
      ...(part === undefined ? {} : { STRYKER_MUTATE: JSON.stringify(mutate) }),
      ...(ignoreStatic ? { STRYKER_IGNORE_STATIC: '1' } : {}),
    },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const report = JSON.parse(fs.readFileSync(path.join(MUTATION_DIRECTORY, `${id}.report.json`), 'utf8'));
  const counts = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  const summary = {
    package: name,
    ...(part === undefined ? {} : { part, mutate, ignoreStatic }),
    score: Math.round(score * 10) / 10,
    counts,
    seconds: Math.round((Date.now() - started) / 1000),
    date: new Date().toISOString().slice(0, 10),
    commit: commit(),
  };
  fs.writeFileSync(path.join(MUTATION_DIRECTORY, `${id}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  fs.rmSync(path.join(MUTATION_DIRECTORY, `${id}.report.json`));
  console.log(`${id}: mutation score ${summary.score}% (${JSON.stringify(counts)}) in ${summary.seconds} s`);
}

// A package's full run, then its parts (`<package>.<part>.json`), each labelled partial.
const summaries = fs
  .readdirSync(MUTATION_DIRECTORY)
  .filter((file) => /^[a-z-]+(\.[a-z0-9-]+)?\.json$/.test(file) && !file.endsWith('.incremental.json'));
const rows = PACKAGES.flatMap((name) =>
  summaries
    .filter((file) => file === `${name}.json` || (file.startsWith(`${name}.`) && file.split('.').length === 3))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(MUTATION_DIRECTORY, file), 'utf8'))),
);
function label(row) {
  if (row.part === undefined) return row.package;
  const statics = row.ignoreStatic ? '; static mutants not run' : '';
  return `${row.package} (partial: ${row.part}, ${row.mutate.map((glob) => `\`${glob}\``).join(' ')}${statics})`;
}
const table = [
  '# Mutation scores',
  '',
  'Written by `pnpm mutate <package>` (scripts/mutate.mjs); Stryker with the vitest runner and the TypeScript checker.',
  'Score = (killed + timed out) / (killed + timed out + survived + no coverage). Target: at least 85% per package.',
  '',
  '| package | score | killed | timed out | survived | no coverage | ignored | run time | date | commit |',
  '|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ...rows.map(
    (row) =>
      `| ${label(row)} | ${row.score}% | ${row.counts.Killed ?? 0} | ${row.counts.Timeout ?? 0} | ${row.counts.Survived ?? 0} | ` +
      `${row.counts.NoCoverage ?? 0} | ${row.counts.Ignored ?? 0} | ${row.seconds} s | ${row.date} | ${row.commit} |`,
  ),
  '',
];
fs.writeFileSync(path.join(MUTATION_DIRECTORY, 'REPORT.md'), table.join('\n'));
