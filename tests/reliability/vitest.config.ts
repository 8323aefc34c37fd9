import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'reliability',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
