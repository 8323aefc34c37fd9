import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** Debian's Chromium (apt), driven by playwright without downloading a browser (toolchain.md §3). */
export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a root, sandbox-less, offline machine: without the background-networking ones Chromium
 * keeps trying hosts this machine cannot reach.
 */
export const CHROMIUM_FLAGS: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The vitest browser-mode project of one package: its `test/**\/*.browser.test.ts` in headless
 * Chromium. Packages whose browser tests need the sandbox pass a `globalSetup` that starts it in Node
 * (the browser reaches it over loopback HTTP; it answers CORS).
 */
export function chromiumProject(name: string, options: { globalSetup?: string[] } = {}): ViteUserConfig {
  return defineConfig({
    test: {
      name: `${name}:browser`,
      include: ['test/**/*.browser.test.ts'],
      ...(options.globalSetup ? { globalSetup: options.globalSetup } : {}),
      testTimeout: 30_000,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS } }),
        instances: [{ browser: 'chromium' }],
      },
    },
  });
}
