// The facts the results table states about the machine and the versions measured.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);

/** Version of an installed package, or 'missing'. */
export function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return 'missing';
  }
}

/** @param {string} nodeBinary */
export function describeMachine(nodeBinary) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} x ${cpus.length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim(),
    nodeBinary,
    orchestratorNode: process.version,
    balenaSdk: packageVersion('balena-sdk'),
    balenaTs: ['@balena-ts/core', '@balena-ts/auth', '@balena-ts/models', '@balena-ts/sdk']
      .map((name) => `${name}@${packageVersion(name)}`)
      .join(', '),
    sandbox: packageVersion('@balena-ts/sandbox'),
    esbuild: packageVersion('esbuild'),
    date: new Date().toISOString(),
  };
}
