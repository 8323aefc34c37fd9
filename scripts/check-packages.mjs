#!/usr/bin/env node
// Checks the packages as npm would publish them, after `pnpm build`:
//   1. `changeset status`: the changesets present are valid;
//   2. `pnpm pack` of every public package into a temporary directory;
//   3. each tarball's LICENSE, keywords and README links, then publint (strict) and attw
//      (`--profile esm-only`);
//   4. a fresh directory installs the SDK tarballs with npm (registry dependencies from the npm
//      cache when they are there) and runs examples/node's scripts against a sandbox.
// `npm test` runs it (scripts/run.mjs); alone: `node scripts/check-packages.mjs`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
// Two at a time: CI machines and laptops running the rest of `npm test` have few cores.
const CONCURRENCY = 2;
// The sandbox is checked as a tarball but not installed: its native dependency (better-sqlite3)
// would be compiled in the fresh directory, and the example only needs a running sandbox.
const NOT_INSTALLED = new Set(['@balena-ts/sandbox']);
const EXAMPLE_SCRIPTS = ['first-call.mjs', 'first-call-facade.mjs'];

function log(message) {
  console.error(`\x1b[2m[check-packages] ${message}\x1b[0m`);
}

/** Runs a command; resolves to its output, rejects with the output when it fails. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`));
    });
  });
}

async function inPool(items, work) {
  const queue = [...items];
  const results = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (queue.length > 0) {
        const item = queue.shift();
        results.push(await work(item));
      }
    }),
  );
  return results;
}

async function timed(name, work) {
  const startMs = Date.now();
  const result = await work();
  log(`${name}: ${((Date.now() - startMs) / 1000).toFixed(1)} s`);
  return result;
}

function publicPackages() {
  return fs
    .readdirSync(path.join(root, 'packages'))
    .sort()
    .map((name) => path.join(root, 'packages', name))
    .filter((directory) => fs.existsSync(path.join(directory, 'package.json')))
    .map((directory) => ({
      directory,
      manifest: JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')),
    }))
    .filter(({ manifest }) => manifest.private !== true);
}

async function pack(packages, destination) {
  return inPool(packages, async ({ directory, manifest }) => {
    const output = await run('pnpm', ['pack', '--pack-destination', destination], { cwd: directory });
    const tarball = output
      .trim()
      .split('\n')
      .map((line) => line.trim())
      .reverse()
      .find((line) => line.endsWith('.tgz'));
    if (!tarball) throw new Error(`pnpm pack printed no tarball for ${manifest.name}:\n${output}`);
    return { name: manifest.name, tarball: path.resolve(destination, tarball) };
  });
}

// What a published package needs beyond its code: a licence, keywords for npm search, and a
// README that reads on the npm website (no relative link out of the package).
async function checkContents({ name, tarball }) {
  const files = (await run('tar', ['-tzf', tarball])).split('\n').map((line) => line.trim());
  const problems = [];
  if (!files.includes('package/README.md')) problems.push('no README.md');
  else {
    const readme = await run('tar', ['-xzOf', tarball, 'package/README.md']);
    if (/\]\(\.\.\//.test(readme)) problems.push('README.md links outside the package (../), broken on npm');
  }
  if (!files.includes('package/LICENSE')) problems.push('no LICENSE');
  const manifest = JSON.parse(await run('tar', ['-xzOf', tarball, 'package/package.json']));
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) problems.push('no keywords');
  if (problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`);
}

async function lint(tarballs) {
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  await inPool(tarballs, async ({ name, tarball }) => {
    await checkContents({ name, tarball });
    await run(bin('publint'), ['run', tarball, '--strict']).catch((error) => {
      throw new Error(`publint: ${name}\n${error.message}`);
    });
    await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color']).catch((error) => {
      throw new Error(`attw: ${name}\n${error.message}`);
    });
  });
}

async function freshInstall(tarballs, directory) {
  fs.mkdirSync(path.join(directory, 'src'), { recursive: true });
  fs.writeFileSync(
    path.join(directory, 'package.json'),
    `${JSON.stringify({ name: 'fresh-install', private: true, type: 'module' }, null, 2)}\n`,
  );
  for (const script of EXAMPLE_SCRIPTS) {
    fs.copyFileSync(path.join(root, 'examples', 'node', 'src', script), path.join(directory, 'src', script));
  }
  const installed = tarballs.filter(({ name }) => !NOT_INSTALLED.has(name)).map(({ tarball }) => tarball);
  await run(
    'npm',
    ['install', ...installed, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'],
    { cwd: directory, env: { ...process.env, npm_config_update_notifier: 'false' } },
  );
}

async function runExample(directory) {
  const { startSandbox } = await import(pathToFileURL(path.join(root, 'packages', 'sandbox', 'dist', 'index.js')).href);
  const sandbox = await startSandbox({ port: 0, quiet: true });
  try {
    const application = await sandbox.seedApplication({ name: 'fresh-install' });
    await sandbox.seedDevices({ application: application.id, count: 2, namePrefix: 'fresh' });
    const env = {
      ...process.env,
      BALENA_API_URL: sandbox.url,
      BALENA_EMAIL: sandbox.superuser.email,
      BALENA_PASSWORD: sandbox.superuser.password,
    };
    for (const script of EXAMPLE_SCRIPTS) {
      const output = await run(process.execPath, [path.join('src', script)], { cwd: directory, env });
      if (!/^fresh\S* \([0-9a-f]{7}\): \S+$/m.test(output)) {
        throw new Error(`examples/node/src/${script} from the installed tarballs printed no device:\n${output}`);
      }
    }
  } finally {
    await sandbox.close();
  }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'balena-ts-packages-'));
const totalStartMs = Date.now();
try {
  await timed('changeset status', () => run('pnpm', ['exec', 'changeset', 'status']));
  const packages = publicPackages();
  const tarballs = await timed(`pnpm pack of ${packages.length} packages`, () =>
    pack(packages, path.join(scratch, 'tarballs')),
  );
  await timed('contents, publint and attw of the tarballs', () => lint(tarballs));
  const app = path.join(scratch, 'app');
  await timed('npm install of the tarballs in a fresh directory', () => freshInstall(tarballs, app));
  await timed('examples/node from the fresh directory against a sandbox', () => runExample(app));
  log(`all package checks passed in ${((Date.now() - totalStartMs) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
