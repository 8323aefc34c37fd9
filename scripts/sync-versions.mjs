#!/usr/bin/env node
// After `changeset version` bumps package.json files, writes core's version into
// packages/core/src/version.ts, which the default client identification (`balena-ts/<version>`)
// reads: tsc builds cannot import package.json into browser code. A core test fails on drift.
import fs from 'node:fs';
import path from 'node:path';

const core = path.join(import.meta.dirname, '..', 'packages', 'core');
const { version } = JSON.parse(fs.readFileSync(path.join(core, 'package.json'), 'utf8'));
const file = path.join(core, 'src', 'version.ts');
const text = `/** This package's version, sent in the default client identification; written by scripts/sync-versions.mjs. */
export const VERSION = '${version}';
`;
if (fs.readFileSync(file, 'utf8') !== text) {
  fs.writeFileSync(file, text);
  console.log(`core version.ts -> ${version}`);
}
