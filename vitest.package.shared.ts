// The vitest project of a package's Node tests, one definition for every package (its own
// vitest.config.ts names it), and for the mutation runs that load a package's tests by themselves.
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/** How long one test or hook may take: the slowest start a sandbox and list 10,000 devices. */
const TEST_TIMEOUT_MS = 30_000;

/**
 * The Node test project of a package: `test/**\/*.test.ts`, browser tests left to their own project.
 *
 * @param name - the project's name (the package folder)
 * @param test - settings of the package's own, merged over these
 * @returns the project configuration
 */
export function packageProject(name: string, test: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  return defineProject({
    test: {
      name,
      environment: 'node',
      include: ['test/**/*.test.ts'],
      exclude: ['test/**/*.browser.test.ts'],
      testTimeout: TEST_TIMEOUT_MS,
      hookTimeout: TEST_TIMEOUT_MS,
      ...test,
    },
  });
}
