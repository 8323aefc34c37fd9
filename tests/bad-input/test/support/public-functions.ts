// Every public function of the packages under test, found at run time: each package's `exports`
// map names its entry points, each entry point is imported as a module namespace, and every
// exported function whose name starts in lower case is an operation (upper case: error classes).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PublicFunction {
  /** e.g. '@balena-ts/models/device-env-variable#set' */
  id: string;
  entry: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  parameters: string[];
}

const PACKAGES = [
  '@balena-ts/core',
  '@balena-ts/auth',
  '@balena-ts/models',
  '@balena-ts/logs',
  '@balena-ts/supervisor',
];

// Entry points left out, and why.
const SKIPPED_ENTRIES: Record<string, string> = {
  '@balena-ts/core/testing': 'test helpers (the storage conformance suite needs a test runner)',
  '@balena-ts/logs/mqtt': 'needs an MQTT broker connection per call; covered by the logs package tests',
};

const require = createRequire(import.meta.url);

/** The parameter names of a compiled function (its source keeps them). */
export function parameterNames(fn: (...args: unknown[]) => unknown): string[] {
  const source = Function.prototype.toString.call(fn);
  const open = source.indexOf('(');
  if (open < 0) return [];
  let depth = 0;
  let close = open;
  for (; close < source.length; close++) {
    if (source[close] === '(') depth++;
    else if (source[close] === ')' && --depth === 0) break;
  }
  const list = source.slice(open + 1, close);
  const names: string[] = [];
  let nesting = 0;
  let current = '';
  for (const character of list) {
    if ('([{'.includes(character)) nesting++;
    if (')]}'.includes(character)) nesting--;
    if (character === ',' && nesting === 0) {
      names.push(current);
      current = '';
    } else current += character;
  }
  if (current.trim()) names.push(current);
  return names
    .map((name) => name.trim().replace(/^\.\.\./, ''))
    .map((name) => (name.startsWith('{') || name.startsWith('[') ? 'options' : (name.split('=')[0] ?? '').trim()))
    .filter(Boolean);
}

function entryPoints(packageName: string): string[] {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? packageName : path.posix.join(packageName, subpath)))
    .filter((entry) => !(entry in SKIPPED_ENTRIES));
}

/** Imports every entry point and lists its functions. */
export async function publicFunctions(): Promise<PublicFunction[]> {
  const found: PublicFunction[] = [];
  for (const packageName of PACKAGES) {
    for (const entry of entryPoints(packageName)) {
      const namespace = (await import(entry)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(namespace)) {
        if (typeof value !== 'function' || !/^[a-z]/.test(name)) continue;
        const fn = value as (...args: unknown[]) => unknown;
        found.push({ id: `${entry}#${name}`, entry, name, fn, parameters: parameterNames(fn) });
      }
    }
  }
  return found;
}

export { SKIPPED_ENTRIES };
