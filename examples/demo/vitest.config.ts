import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'example-demo',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 30_000,
  },
});
