// The dependent-resource entry files are generated from one declaration per resource
// (scripts/dependent-resources.mjs); this fails when a committed entry file no longer matches what
// the generator writes (an edit by hand, or a declaration changed without running it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));
const GENERATOR_TIMEOUT_MS = 60_000;

describe('generated dependent-resource entry files', () => {
  it(
    'match what scripts/generate-dependent-resources.mjs writes',
    () => {
      const run = spawnSync(process.execPath, ['scripts/generate-dependent-resources.mjs', '--check'], {
        cwd: PACKAGE_DIRECTORY,
        encoding: 'utf8',
        timeout: GENERATOR_TIMEOUT_MS,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('generated files are up to date');
      expect(run.status).toBe(0);
    },
    GENERATOR_TIMEOUT_MS,
  );
});
