#!/usr/bin/env node
// Bundles src/main.ts for the browser into dist/main.js (see ../../shared/page-tools.mjs).
import path from 'node:path';
import { buildPage } from '../../shared/page-tools.mjs';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Builds the dashboard's script.
 * @returns the path of the bundle and the input files esbuild bundled
 */
export function buildDashboard() {
  return buildPage(root);
}

if (process.argv[1] === import.meta.filename) {
  console.log(`built ${path.relative(root, (await buildDashboard()).outfile)}`);
}
