#!/usr/bin/env node
// Bundles each entry of entries/*.mjs for the browser (esbuild, ESM, minified), gzips it and
// prints a table. An entry may list `forbid`: strings of input paths that must not be bundled
// (e.g. mqtt in an app that only uses the default log transport); the run fails if one is.
// Sizes come from the packages' dist/, as published. The packages ship their entries bundled
// (shared code in dist/chunks/), which hides which source module a byte came from, so `forbid` is
// checked on a second build that resolves `@balena-ts/*` to the TypeScript sources.
//   node size.mjs [--json out.json] [filter]
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = import.meta.dirname;
const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonOut = jsonIndex >= 0 ? args.splice(jsonIndex, 2)[1] : undefined;
const filter = args[0];

const entries = [];
for (const file of fs.readdirSync(path.join(here, 'entries')).sort()) {
  if (!file.endsWith('.mjs')) continue;
  const mod = await import(path.join(here, 'entries', file));
  entries.push(...mod.default);
}

const packagesDir = path.resolve(here, '../../packages');

/** Resolves `@balena-ts/<package>[/<entry>]` to the entry's source file (what dist/<entry>.js is bundled from). */
const fromSources = {
  name: 'balena-ts-sources',
  setup(builder) {
    builder.onResolve({ filter: /^@balena-ts\/[^/]+(\/.+)?$/ }, ({ path: specifier }) => {
      const [, name, entry] = specifier.match(/^@balena-ts\/([^/]+)(?:\/(.+))?$/);
      const source = path.join(packagesDir, name, 'src', `${entry ?? 'index'}.ts`);
      return fs.existsSync(source) ? { path: source } : undefined;
    });
  },
};

function bundle(code, plugins) {
  return build({
    stdin: { contents: code, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
}

/** Bundles one entry's code and returns its minified and gzipped sizes and the source modules it keeps. */
export async function measure(code) {
  const [published, sources] = await Promise.all([bundle(code, []), bundle(code, [fromSources])]);
  const bytes = published.outputFiles[0].contents;
  // Only modules that put bytes into the output count: esbuild also lists modules it read and then
  // shook out entirely, which would make `forbid` cry wolf.
  const output = Object.values(sources.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([file]) => file);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

const rows = [];
let failures = 0;
for (const entry of entries) {
  if (filter && !entry.name.includes(filter)) continue;
  const { min, gzip, inputs } = await measure(entry.code);
  const leaked = (entry.forbid ?? []).filter((f) => inputs.some((i) => i.includes(f)));
  if (leaked.length) failures++;
  rows.push({ name: entry.name, min, gzip, leaked });
}

const kb = (n) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
const width = Math.max(...rows.map((r) => r.name.length), 5);
console.log(`${'entry'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(width)}  ${kb(r.min).padStart(9)}  ${kb(r.gzip).padStart(9)}${r.leaked.length ? `  LEAKED: ${r.leaked.join(', ')}` : ''}`,
  );
}
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
process.exit(failures ? 1 : 0);
