import fs from 'node:fs';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_PATH } from './vitest.browser.shared.js';

// Browser projects need a Chromium; without one (a machine where `npm test` could not install
// it) they are left out rather than failing every run.
const hasChromium = fs.existsSync(CHROMIUM_PATH);

// One vitest process runs every package's project; browser projects live in their own config
// files because nested `projects` are ignored when loaded from the root.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'tests/*/vitest.config.ts',
      ...(hasChromium ? ['packages/*/vitest.browser.config.ts', 'examples/*/vitest.browser.config.ts'] : []),
    ],
    coverage: { provider: 'v8', include: ['packages/*/src/**/*.ts'], reporter: ['text-summary', 'lcov'] },
  },
});
