#!/usr/bin/env node
// Builds the API documentation of every package with typedoc into docs/api/ (open
// docs/api/index.html). Each package is converted on its own, from the entry points its
// package.json `exports` lists, then the results are merged into one site. Build first:
//   pnpm build && node scripts/docs.mjs
import fs from 'node:fs';
import path from 'node:path';
import { Application, ReflectionKind } from 'typedoc';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'docs', 'api');
const scratch = path.join(root, 'temp', 'typedoc');

/** The source files behind a package's public entry points: `./dist/x.d.ts` -> `src/x.ts`. */
function entryPointsOf(packageDirectory, manifest) {
  const files = new Set();
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target !== 'object' || typeof target.types !== 'string') continue;
    const source = target.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts');
    const file = path.join(packageDirectory, source);
    if (fs.existsSync(file)) files.add(file);
  }
  return [...files];
}

async function convertPackage(packageDirectory) {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDirectory, 'package.json'), 'utf8'));
  const entryPoints = entryPointsOf(packageDirectory, manifest);
  if (entryPoints.length === 0) return undefined;
  const readme = path.join(packageDirectory, 'README.md');
  const app = await Application.bootstrapWithPlugins({
    name: manifest.name,
    entryPoints,
    tsconfig: path.join(packageDirectory, 'tsconfig.json'),
    readme: fs.existsSync(readme) ? readme : 'none',
    excludePrivate: true,
    excludeInternal: true,
    skipErrorChecking: true,
    logLevel: 'Error',
  });
  const project = await app.convert();
  if (project === undefined) throw new Error(`typedoc could not convert ${manifest.name}`);
  const json = path.join(scratch, `${path.basename(packageDirectory)}.json`);
  await app.generateJson(project, json);
  return { name: manifest.name, entryPoints: entryPoints.length, json };
}

fs.rmSync(scratch, { recursive: true, force: true });
const converted = [];
for (const name of fs.readdirSync(path.join(root, 'packages')).sort()) {
  const directory = path.join(root, 'packages', name);
  if (!fs.existsSync(path.join(directory, 'package.json'))) continue;
  const result = await convertPackage(directory);
  if (result) {
    converted.push(result);
    console.log(`${result.name}: ${result.entryPoints} entry point${result.entryPoints === 1 ? '' : 's'}`);
  }
}

// The TSDoc links name another package api-extractor's way, `{@link @balena-ts/core#NotLoggedIn}`,
// which typedoc's declaration references do not parse (they render as plain text). Once the
// packages are merged into one project every target is in it: point those links at it before
// typedoc's own link resolution (priority -300) runs on the revived project.
const PACKAGE_LINK = /^\s*(@balena-ts\/[\w-]+)(?:\/([\w-]+))?#([\w$]+)(?:[\s|]+(.*))?$/s;

/** Every export of each package's modules by name, the package's main entry (`index`) first. */
function exportsByPackage(project) {
  const byPackage = new Map();
  for (const packageModule of project.children ?? []) {
    const modules = (packageModule.children ?? []).filter((child) => child.kindOf(ReflectionKind.SomeModule));
    modules.sort((a, b) => (b.name === 'index') - (a.name === 'index'));
    const names = new Map();
    for (const module of [packageModule, ...modules]) {
      for (const child of module.children ?? []) {
        if (child.kindOf(ReflectionKind.SomeModule)) continue;
        const key = module === packageModule || module.name === 'index' ? child.name : `${module.name}#${child.name}`;
        if (!names.has(key)) names.set(key, child);
        if (!names.has(child.name)) names.set(child.name, child);
      }
    }
    byPackage.set(packageModule.name, names);
  }
  return byPackage;
}

function linkPackageReferences(project) {
  const byPackage = exportsByPackage(project);
  const resolveParts = (parts) => {
    for (const part of parts) {
      if (part.kind !== 'inline-tag' || !part.tag.startsWith('@link') || part.target !== undefined) continue;
      const match = PACKAGE_LINK.exec(part.text);
      if (!match) continue;
      const [, packageName, subpath, name, caption] = match;
      const names = byPackage.get(packageName);
      const target = (subpath && names?.get(`${subpath}#${name}`)) || names?.get(name);
      if (!target) continue;
      part.target = target;
      part.text = caption?.trim() || name;
    }
  };
  for (const reflection of Object.values(project.reflections)) {
    const comment = reflection.comment;
    if (!comment) continue;
    resolveParts(comment.summary);
    for (const tag of comment.blockTags) resolveParts(tag.content);
  }
}

const site = await Application.bootstrapWithPlugins({
  name: 'balena-ts',
  entryPointStrategy: 'merge',
  entryPoints: converted.map((entry) => entry.json),
  readme: path.join(root, 'README.md'),
  logLevel: 'Error',
});
site.on('reviveProject', linkPackageReferences, 0);
const project = await site.convert();
if (project === undefined) throw new Error('typedoc could not merge the packages');
fs.rmSync(output, { recursive: true, force: true });
await site.generateDocs(project, output);
// Generated output stays out of git without a rule in the root .gitignore.
fs.writeFileSync(path.join(output, '.gitignore'), '*\n');
console.log(`API docs for ${converted.length} packages: ${path.relative(root, path.join(output, 'index.html'))}`);
