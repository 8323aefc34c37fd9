// Installed footprint rows: what a user who needs auth + models gets on disk. Each side is
// installed alone into a fresh temporary folder with `npm install --prefix` (production
// dependencies only, no install scripts), then its node_modules is walked: packages are folders
// holding a package.json directly under a node_modules (scoped ones one level deeper), bytes are
// the apparent sizes of every file, and disk bytes come from `du`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..', '..');
const INSTALL_FLAGS = [
  '--no-audit',
  '--no-fund',
  '--ignore-scripts',
  '--omit=dev',
  '--engine-strict=false',
  '--loglevel=error',
];

function walkNodeModules(directory, found) {
  if (!fs.existsSync(directory)) return;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const candidates = entry.name.startsWith('@')
      ? fs.readdirSync(path.join(directory, entry.name)).map((name) => path.join(directory, entry.name, name))
      : [path.join(directory, entry.name)];
    for (const packageDirectory of candidates) {
      if (!fs.existsSync(path.join(packageDirectory, 'package.json'))) continue;
      found.add(packageDirectory);
      walkNodeModules(path.join(packageDirectory, 'node_modules'), found);
    }
  }
}

function apparentBytes(directory) {
  let total = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/**
 * Installs the given specs (registry names or tarball paths) into a temporary folder and measures it.
 * @param {string[]} specs
 * @returns {{ packages: number, bytes: number, diskBytes: number, names: string[] }}
 */
export function measureInstall(specs) {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-footprint-'));
  try {
    fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'footprint', private: true }));
    execFileSync('npm', ['install', '--prefix', prefix, ...INSTALL_FLAGS, ...specs], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const nodeModules = path.join(prefix, 'node_modules');
    const found = new Set();
    walkNodeModules(nodeModules, found);
    const diskKilobytes = Number(execFileSync('du', ['-sk', nodeModules], { encoding: 'utf8' }).split('\t')[0]);
    return {
      packages: found.size,
      bytes: apparentBytes(nodeModules),
      diskBytes: diskKilobytes * 1024,
      names: [...found].map((directory) => path.relative(nodeModules, directory)).sort(),
    };
  } finally {
    fs.rmSync(prefix, { recursive: true, force: true });
  }
}

/** The official SDK: one package holds auth and models. */
export function officialFootprint(version) {
  return measureInstall([`balena-sdk@${version}`]);
}

/**
 * Packs workspace packages with `pnpm pack` (workspace: ranges become real versions) and installs
 * the tarballs together, so that their dependencies on each other resolve to the packed copies.
 * @param {string[]} packageFolders e.g. ['packages/core', 'packages/auth', 'packages/models']
 */
export function measureWorkspacePackages(packageFolders) {
  const tarballs = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tarballs-'));
  try {
    const specs = packageFolders.map((folder) => {
      const output = execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
        cwd: path.join(repositoryRoot, folder),
        encoding: 'utf8',
      });
      return output.trim().split('\n').at(-1).trim();
    });
    return measureInstall(specs);
  } finally {
    fs.rmSync(tarballs, { recursive: true, force: true });
  }
}

/**
 * balena-ts for auth + models: the packed core, auth and models, and what models depends on in the
 * workspace (supervisor, whose actions the device model calls), installed together.
 */
export function balenaTsFootprint() {
  return measureWorkspacePackages(['packages/core', 'packages/auth', 'packages/supervisor', 'packages/models']);
}

/** Raw fetch needs nothing installed. */
export function rawFetchFootprint() {
  return { packages: 0, bytes: 0, diskBytes: 0, names: [] };
}
