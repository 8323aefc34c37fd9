// The vitest configuration Stryker runs a package's tests with (from the package's folder): the
// package's project, plus aliases from the package's name and each subpath of its `exports` to its
// sources. Tests that import the package by name would otherwise load dist/, where no mutant is,
// and every mutant they cover would count as not covered.
import fs from 'node:fs';
import path from 'node:path';
import { packageProject } from '../vitest.package.shared.js';

const directory = process.cwd();
const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as {
  name: string;
  exports?: Record<string, string | { default?: string }>;
};

const alias: { find: RegExp; replacement: string }[] = [];
for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
  const file = typeof target === 'string' ? target : target.default;
  if (typeof file !== 'string' || !file.startsWith('./dist/') || !file.endsWith('.js')) continue;
  const source = path.join(directory, file.replace('./dist/', 'src/').replace(/\.js$/, '.ts'));
  if (!fs.existsSync(source)) continue;
  const name = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
  // Whole names only, so that `@balena-ts/core` does not swallow `@balena-ts/core/settings`.
  alias.push({ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: source });
}

export default {
  ...packageProject(path.basename(directory)),
  resolve: { alias },
};
