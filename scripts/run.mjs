#!/usr/bin/env node
// The README's two commands, `npm run demo` and `npm test`, land here. On a fresh machine with
// only Node and npm this installs pnpm and every dependency itself, builds the workspace, then
// runs the demo or every check and test. The test run ends with the plain line
// `N passed, N failed` that CI reads (vitest's own summary is not read).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PNPM_VERSION = '12.4.2';
const root = path.resolve(import.meta.dirname, '..');
const mode = process.argv[2];
const extraArgs = process.argv.slice(3);
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
};

function log(message) {
  console.error(`\x1b[2m[balena-ts] ${message}\x1b[0m`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function ensurePnpm() {
  if (pnpmVersion() === PNPM_VERSION) return;
  log(`installing pnpm ${PNPM_VERSION} (npm i -g)`);
  // Corepack fails here ("No compatible signature"), so pnpm comes from npm.
  if (
    run('npm', ['i', '-g', `pnpm@${PNPM_VERSION}`, '--no-fund', '--no-audit', '--loglevel=error']) !== 0 ||
    pnpmVersion() !== PNPM_VERSION
  ) {
    fail(`could not install pnpm ${PNPM_VERSION}`);
  }
}

function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

function ensureChromium() {
  if (fs.existsSync(chromiumPath())) return;
  if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    log('chromium not found and not installable here: browser tests are skipped');
    return;
  }
  log('installing chromium from Debian (browser tests)');
  run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  if (!fs.existsSync(chromiumPath())) log('chromium install failed: browser tests are skipped');
}

function fail(message) {
  console.error(`[balena-ts] ${message}`);
  if (mode === 'test') console.log('0 passed, 1 failed');
  process.exit(1);
}

function step(name, command, args) {
  log(name);
  if (run(command, args) !== 0) fail(`${name} failed`);
}

ensurePnpm();
const frozen = process.env.CI || fs.existsSync(path.join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
step('installing dependencies', 'pnpm', ['install', ...frozen, '--reporter=append-only', '--loglevel=warn']);

if (mode === 'demo') {
  if (!fs.existsSync(path.join(root, 'examples', 'demo', 'package.json'))) {
    console.log('The demo is coming: it will tour a living fleet on the embedded sandbox.');
    process.exit(0);
  }
  step('building', 'pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  if (extraArgs.includes('--web')) {
    // The dashboard serves until Ctrl-C. The terminal's SIGINT reaches the demo too: this process
    // waits for it to close the sandbox and exits with it. Node runs it directly because pnpm
    // reports a script stopped by Ctrl-C as a failure.
    process.on('SIGINT', () => {});
    process.exit(run('node', ['src/demo.mjs', ...extraArgs], { cwd: path.join(root, 'examples', 'demo') }));
  }
  process.exit(run('pnpm', ['--filter', '@balena-ts/demo', 'run', 'start', '--', ...extraArgs]));
}

if (mode !== 'test') fail(`unknown mode ${mode}: use demo or test`);

ensureChromium();
step('building, checking API reports and manifests', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'build',
  'api',
  'publint',
  '--output-logs=errors-only',
]);
// What publishing needs: changesets, tarballs clean for publint and attw, and a fresh install of
// them running examples/node against a sandbox (about a minute, most of it attw).
step('checking the packages as published (scripts/check-packages.mjs)', 'node', ['scripts/check-packages.mjs']);
step('type-checking tests', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.test.json']);
// The type tests again as a user with `exactOptionalPropertyTypes` compiles them.
step('type-checking type tests (exactOptionalPropertyTypes)', 'pnpm', [
  'exec',
  'tsc',
  '-p',
  'tsconfig.test-exact.json',
]);
// Fails when a bundle pulls in what its entry forbids (e.g. mqtt in the default log transport).
step('bundle sizes and tree-shaking checks', 'node', ['tools/size/size.mjs']);
step('lint and format (biome)', 'pnpm', ['exec', 'biome', 'check', '.']);

const results = path.join(root, 'test-results.json');
fs.rmSync(results, { force: true });
log('running every test (vitest)');
const rc = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
  ...extraArgs,
]);
if (!fs.existsSync(results)) fail('vitest wrote no results');
const r = JSON.parse(fs.readFileSync(results, 'utf8'));
const failed = r.numFailedTests + (rc !== 0 && r.numFailedTests === 0 ? 1 : 0);
console.log(`${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
process.exit(rc === 0 && failed === 0 ? 0 : 1);
