// Browser bundle rows: each program bundled by esbuild (ESM, minified, browser platform),
// gzipped at level 9. The official SDK's `browser` field picks its browser build. For the official
// SDK only, the Node built-ins its dependencies import are aliased to the usual polyfill packages
// (what webpack's or vite's Node polyfill plugins do), since a browser app using it has to ship
// them. balena-ts and raw fetch get no polyfills: they must not need any.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const benchDir = path.resolve(import.meta.dirname, '..');

const NODE_POLYFILLS = {
  buffer: 'buffer/',
  events: 'events/',
  os: 'os-browserify/browser.js',
  process: 'process/browser.js',
  stream: 'stream-browserify',
  util: 'util/',
};

export const PROGRAMS = {
  a: 'login + get one device',
  b: 'login + list fleet devices + set device env var',
  c: 'everything',
};

/**
 * Bundles programs/<implementation>/<program>.mjs and returns its sizes in bytes.
 * @param {'official' | 'balena-ts'} implementation
 * @param {'a' | 'b' | 'c'} program
 * @param {{ polyfills?: boolean }} [options]
 */
export async function measureBundle(implementation, program, { polyfills = implementation === 'official' } = {}) {
  const result = await build({
    stdin: {
      contents: `import { run } from './programs/${implementation}/${program}.mjs';\nrun(globalThis.BENCH_CONFIG);\n`,
      resolveDir: benchDir,
      loader: 'js',
    },
    // Aliases resolve from the working directory: pin it, so run.mjs works from any folder.
    absWorkingDir: benchDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    ...(polyfills
      ? { alias: NODE_POLYFILLS, inject: [path.join(benchDir, 'lib', 'browser-globals.mjs')] }
      : { external: Object.keys(NODE_POLYFILLS) }),
  });
  const bytes = result.outputFiles[0].contents;
  const packages = new Set(
    Object.keys(result.metafile.inputs)
      .map((input) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/)?.[1])
      .filter(Boolean),
  );
  return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, packages: packages.size };
}

/** The official SDK's bundle of one program. */
export function officialBundle(program) {
  return measureBundle('official', program);
}

/** balena-ts's bundle of one program: no polyfills, it must not need any. */
export function balenaTsBundle(program) {
  return measureBundle('balena-ts', program);
}
