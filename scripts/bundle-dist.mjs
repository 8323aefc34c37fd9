#!/usr/bin/env node
// Run in a package folder after `tsc -b`: writes each JavaScript file that package.json's `exports`
// and `imports` point at as one ES module bundled from the sources (rolldown, code splitting), so
// Node loads a handful of files instead of one per source file. What two entry points share goes to
// `dist/chunks/` once, so a class stays one object whichever entry it is imported from. rolldown
// rather than esbuild because it lets shared code be grouped (see `codeSplitting` below): esbuild
// makes one chunk per set of entries sharing code, 44 for models' 36 entries, and a program that
// imports the device model loaded 16 of them (measured: loading it took 20 ms, against 12 ms for
// the same code in 5 files).
// The package's runtime dependencies (`@balena-ts/*`, mqtt, ...), Node's modules and `#platform`
// stay imports. A package the sources import but package.json lists only as a devDependency is
// vendored: bundled on its own (by esbuild) into `dist/vendor/<name>.js`, imported as
// `#vendor/<name>` (which package.json's `imports` must map), resolved as for any platform with a global fetch (the
// `import`/`default` conditions, never `node`). Core vendors ofetch this way: Node's `node` build of
// ofetch loads node-fetch-native's whole polyfill (http, https, zlib, stream, net) although core
// always hands ofetch the global fetch. A module of its own, not mixed into core's chunk, so a
// program that uses no request (only errors, only the query builder) still drops all of it: the
// package's `sideEffects: false` covers the file, and a bundler cannot drop an unused top-level
// call such as ofetch's default instance from inside a chunk it keeps. The licences of what was
// vendored are written to `dist/vendor/LICENSES.md`, published with the package.
//
// The packages' tsc writes declarations only (`emitDeclarationOnly`): the JavaScript in dist/ is
// always this script's, never a mix of a partial tsc re-emit and an older bundle. Any other
// JavaScript file found in dist/ (left by an older build) is removed.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { rolldown } from 'rolldown';

const packageDir = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const CHUNKS = 'chunks';

const VENDOR = 'vendor';

/** Every `./dist/<name>.js` an `exports` or `imports` condition names (not the vendored files). */
function entryTargets(map, found = new Set()) {
  if (typeof map === 'string') {
    if (map.startsWith('./dist/') && map.endsWith('.js') && !map.startsWith(`./dist/${VENDOR}/`)) {
      found.add(map.slice('./dist/'.length, -'.js'.length));
    }
  } else if (map && typeof map === 'object') {
    for (const value of Object.values(map)) entryTargets(value, found);
  }
  return found;
}

const runtimeDependencies = Object.keys({
  ...manifest.dependencies,
  ...manifest.peerDependencies,
  ...manifest.optionalDependencies,
});

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
fs.rmSync(path.join(packageDir, 'dist', VENDOR), { recursive: true, force: true });

/** The bare imports that are not runtime dependencies, seen while bundling: they get vendored. */
const vendored = new Set();
const vendorPlugin = {
  name: 'vendor',
  resolveId(specifier, importer) {
    if (importer === undefined) return null;
    if (specifier.startsWith('node:') || specifier.startsWith('#')) return { id: specifier, external: true };
    if (/^[./]/.test(specifier) || path.isAbsolute(specifier)) return null;
    const [name] = /^(?:@[^/]+\/)?[^/]+/.exec(specifier);
    if (runtimeDependencies.includes(name)) return { id: specifier, external: true };
    if (specifier !== name) throw new Error(`${manifest.name}: vendored imports name a package, not ${specifier}`);
    vendored.add(name);
    return { id: `#${VENDOR}/${name}`, external: true };
  },
};

const bundle = await rolldown({
  cwd: packageDir,
  input: entryPoints,
  platform: 'neutral',
  plugins: [vendorPlugin],
  transform: { target: 'es2022' },
  logLevel: 'warn',
});
const result = await bundle.write({
  dir: 'dist',
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: `${CHUNKS}/[name]-[hash].js`,
  // Code that four entry points or more share goes to one chunk, the rest by the entries that
  // share it: a Node program loads a few files per entry point instead of one per shared module
  // (each file it loads costs about as much as parsing 15 KB more), and a bundler still drops
  // what the program does not import from a chunk.
  codeSplitting: { groups: [{ name: 'common', minShareCount: 4 }] },
  // Readable output: the user's bundler minifies; names help whoever reads a stack. Comments go
  // (the TSDoc is in the declarations), except the pure annotations a bundler needs to drop what a
  // program does not use.
  minify: false,
  sourcemap: true,
  comments: { legal: false, annotation: true, jsdoc: false },
});
await bundle.close();

// What this build wrote (the source maps are assets of their own in rolldown's output).
const outputs = result.output.map((item) => path.join('dist', item.fileName));
if (vendored.size > 0) {
  const mapped = manifest.imports?.[`#${VENDOR}/*`];
  if (mapped !== `./dist/${VENDOR}/*.js`) {
    throw new Error(`${manifest.name}: package.json needs "imports": { "#${VENDOR}/*": "./dist/${VENDOR}/*.js" }`);
  }
  const vendorResult = await build({
    absWorkingDir: packageDir,
    // One file per vendored package, each entry re-exporting the package as resolved for a platform
    // with a global fetch.
    entryPoints: Object.fromEntries([...vendored].map((name) => [name, name])),
    outdir: path.join('dist', VENDOR),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['import', 'default'],
    target: 'es2022',
    minify: false,
    sourcemap: true,
    legalComments: 'none',
    allowOverwrite: true,
    logLevel: 'warning',
    metafile: true,
  });
  outputs.push(...Object.keys(vendorResult.metafile.outputs));
  writeVendoredLicences(vendorResult.metafile);
}

const written = new Set(outputs.map((file) => path.resolve(packageDir, file)));
for (const file of fs.readdirSync(path.join(packageDir, 'dist'), { recursive: true })) {
  const absolute = path.join(packageDir, 'dist', file);
  if (/\.js(\.map)?$/.test(file) && !written.has(absolute)) fs.rmSync(absolute);
}

/** Writes the licence of every npm package bundled into dist/vendor/ (a vendored package's own dependencies included). */
function writeVendoredLicences(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const normalized = input.replaceAll('\\', '/');
    const at = normalized.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const [name] = /^(?:@[^/]+\/)?[^/]+/.exec(normalized.slice(at + 'node_modules/'.length));
    packages.set(name, path.resolve(packageDir, normalized.slice(0, at + 'node_modules/'.length) + name));
  }
  const sections = [...packages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, root]) => {
      const { version, license } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const file = fs.readdirSync(root).find((entry) => /^licen[cs]e/i.test(entry));
      if (!file) throw new Error(`${manifest.name}: vendored ${name} has no licence file`);
      return `## ${name} ${version} (${license})\n\n${fs.readFileSync(path.join(root, file), 'utf8').trim()}\n`;
    });
  fs.writeFileSync(
    path.join(packageDir, 'dist', VENDOR, 'LICENSES.md'),
    `# Third-party code in ${manifest.name}\n\nThe files in this folder bundle the following packages, under their licences.\n\n${sections.join('\n')}`,
  );
  console.log(`${manifest.name}: vendored ${[...packages.keys()].join(', ')}`);
}
