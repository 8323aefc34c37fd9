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
const names = process.argv.slice(2);
if (names.length === 0 || names.some((name) => !PACKAGES.includes(name))) {
  console.error(`usage: pnpm mutate <package> [...]; packages: ${PACKAGES.join(', ')}`);
  process.exit(2);
}

function commit() {
  return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
}

for (const name of names) {
  const directory = path.join(root, 'packages', name);
  const started = Date.now();
  const run = spawnSync('pnpm', ['exec', 'stryker', 'run', path.join(root, 'stryker.config.mjs')], {
    cwd: directory,
    stdio: 'inherit',
    env: { ...process.env, STRYKER_PACKAGE: name },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const report = JSON.parse(fs.readFileSync(path.join(MUTATION_DIRECTORY, `${name}.report.json`), 'utf8'));
  const counts = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  const summary = {
    package: name,
    score: Math.round(score * 10) / 10,
    counts,
    seconds: Math.round((Date.now() - started) / 1000),
    date: new Date().toISOString().slice(0, 10),
    commit: commit(),
  };
  fs.writeFileSync(path.join(MUTATION_DIRECTORY, `${name}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  fs.rmSync(path.join(MUTATION_DIRECTORY, `${name}.report.json`));
  console.log(`${name}: mutation score ${summary.score}% (${JSON.stringify(counts)}) in ${summary.seconds} s`);
}

const rows = PACKAGES.filter((name) => fs.existsSync(path.join(MUTATION_DIRECTORY, `${name}.json`))).map((name) =>
  JSON.parse(fs.readFileSync(path.join(MUTATION_DIRECTORY, `${name}.json`), 'utf8')),
);
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
      `| ${row.package} | ${row.score}% | ${row.counts.Killed ?? 0} | ${row.counts.Timeout ?? 0} | ${row.counts.Survived ?? 0} | ` +
      `${row.counts.NoCoverage ?? 0} | ${row.counts.Ignored ?? 0} | ${row.seconds} s | ${row.date} | ${row.commit} |`,
  ),
  '',
];
fs.writeFileSync(path.join(MUTATION_DIRECTORY, 'REPORT.md'), table.join('\n'));
