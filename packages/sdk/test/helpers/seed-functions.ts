import fs from 'node:fs';
import path from 'node:path';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');

/** Where a class of the Python SDK reference lives: its facade path and the module whose functions it binds. */
export interface SeedClass {
  readonly path: string;
  readonly module: string;
}

/** One function of the Python SDK reference and where the facade must expose it. */
export interface SeedFunction {
  /** `Class.snake_name`, as listed in the fixture. */
  readonly seedName: string;
  readonly className: string;
  /** The camelCase name on the facade and in the module. */
  readonly name: string;
  readonly facadePath: string;
  readonly module: string;
}

/** `get_all_by_application` -> `getAllByApplication`. */
export function camelCase(snakeName: string): string {
  return snakeName.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The 154 functions of test/fixtures/seed-functions.txt, mapped to their facade paths (seed-classes.json). */
export function readSeedFunctions(): SeedFunction[] {
  const classes = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-classes.json'), 'utf8')) as Record<
    string,
    SeedClass
  >;
  return fs
    .readFileSync(path.join(FIXTURES, 'seed-functions.txt'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((seedName) => {
      const [className = '', snakeName = ''] = seedName.split('.');
      const seedClass = classes[className];
      if (seedClass === undefined) throw new Error(`${seedName}: class ${className} has no facade path`);
      const name = camelCase(snakeName);
      return { seedName, className, name, facadePath: `${seedClass.path}.${name}`, module: seedClass.module };
    });
}

/** Follows a dotted path (`models.device.get`) from an object. */
export function valueAt(root: unknown, dottedPath: string): unknown {
  let value = root;
  for (const part of dottedPath.split('.')) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
