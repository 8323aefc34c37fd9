#!/usr/bin/env node
// Bundles src/main.ts for the browser into dist/main.js. esbuild's `browser` platform picks the
// facade's browser platform (settings on localStorage) through the `browser` condition of the
// package's `#platform` import.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Builds the page's script.
 * @returns the path of the bundle and the input files esbuild bundled
 */
export async function buildExample() {
  const outfile = path.join(root, 'dist', 'main.js');
  const result = await build({
    entryPoints: [path.join(root, 'src', 'main.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  });
  return { outfile, inputs: Object.keys(result.metafile.inputs) };
}

if (process.argv[1] === import.meta.filename) {
  console.log(`built ${path.relative(root, (await buildExample()).outfile)}`);
}
