#!/usr/bin/env node
// Run in a package folder after `tsc -b`: writes each JavaScript file that package.json's `exports`
// and `imports` point at as one ES module bundled from the sources (esbuild, code splitting), so
// Node loads a handful of files instead of one per source file. What two entry points share goes to
// `dist/chunks/` once, so a class stays one object whichever entry it is imported from.
// Dependencies (`@balena-ts/*`, ofetch, mqtt, ...) and `#platform` stay imports.
//
// The packages' tsc writes declarations only (`emitDeclarationOnly`): the JavaScript in dist/ is
// always this script's, never a mix of a partial tsc re-emit and an older bundle. Any other
// JavaScript file found in dist/ (left by an older build) is removed.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const packageDir = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const CHUNKS = 'chunks';

/** Every `./dist/<name>.js` an `exports` or `imports` condition names. */
function entryTargets(map, found = new Set()) {
  if (typeof map === 'string') {
    if (map.startsWith('./dist/') && map.endsWith('.js')) found.add(map.slice('./dist/'.length, -'.js'.length));
  } else if (map && typeof map === 'object') {
    for (const value of Object.values(map)) entryTargets(value, found);
  }
  return found;
}

const names = [...entryTargets(manifest.exports), ...entryTargets(manifest.imports ?? {})];
const entryPoints = Object.fromEntries(
  names.map((name) => {
    const source = path.join('src', `${name}.ts`);
    if (!fs.existsSync(path.join(packageDir, source))) {
      throw new Error(`${manifest.name}: ./dist/${name}.js has no source ${source}`);
    }
    return [name, source];
  }),
);

// Chunk names carry a content hash: clear the previous build's so none is left behind.
fs.rmSync(path.join(packageDir, 'dist', CHUNKS), { recursive: true, force: true });

const result = await build({
  absWorkingDir: packageDir,
  entryPoints,
  outdir: 'dist',
  chunkNames: `${CHUNKS}/[name]-[hash]`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  // Bare imports are the package's dependencies: the user's installer and bundler resolve them.
  packages: 'external',
  external: ['node:*', '#*'],
  // Readable output: the user's bundler minifies; names and comments help whoever reads a stack.
  minify: false,
  sourcemap: true,
  legalComments: 'none',
  allowOverwrite: true,
  logLevel: 'warning',
  metafile: true,
});

const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(packageDir, file)));
for (const file of fs.readdirSync(path.join(packageDir, 'dist'), { recursive: true })) {
  const absolute = path.join(packageDir, 'dist', file);
  if (/\.js(\.map)?$/.test(file) && !written.has(absolute)) fs.rmSync(absolute);
}
