import fs from 'node:fs';
import path from 'node:path';
import { type Sandbox, type SimulatedFleet, startSandbox } from '@balena-ts/sandbox';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.browser.shared.js';
import { buildExample } from '../scripts/build.mjs';
import { serveExample } from '../scripts/serve.mjs';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SCREENSHOT = path.join(REPOSITORY_ROOT, 'test-artifacts', 'browser-example.png');
const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  console.warn(
    `browser example: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH): the real-browser test is skipped`,
  );
}

describe('the browser bundle', () => {
  test("takes the facade's browser build: settings-browser, no settings-node, no node: module", async () => {
    const { inputs } = await buildExample();
    // The `#platform` import under the `browser` condition (packages/sdk/package.json `imports`).
    expect(inputs.some((input) => input.includes('packages/sdk/dist/platform-browser.js'))).toBe(true);
    expect(inputs.some((input) => input.includes('packages/settings-browser/'))).toBe(true);
    expect(inputs.filter((input) => input.includes('settings-node') || input.startsWith('node:'))).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the browser example in a real headless Chromium', () => {
  let sandbox: Sandbox;
  let fleet: SimulatedFleet;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildExample();
    sandbox = await startSandbox({ port: 0 });
    const application = await sandbox.seedApplication({ name: 'browser-fleet' });
    await sandbox.seedRelease({ application: application.id });
    fleet = await sandbox.simulateFleet({ application: application.id, count: 2, logIntervalMs: 300 });
    server = await serveExample();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const query = new URLSearchParams({
      apiUrl: sandbox.url,
      username: sandbox.superuser.email,
      password: sandbox.superuser.password,
    });
    await page.goto(`${server.url}/index.html?${query}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fleet?.stop();
    await sandbox?.close();
  });

  test('logs in with the facade and lists the devices', async () => {
    await page.waitForSelector('body[data-state="listed"]', { timeout: 20_000 });
    expect(await page.textContent('#status')).toBe('Logged in as admin: 2 devices.');
    const rows = await page.$$eval('#devices tbody tr', (trs) =>
      trs.map((tr) => ({
        uuid: tr.getAttribute('data-uuid'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
      })),
    );
    const expected = fleet.devices.map((device) => device.uuid).sort();
    expect(rows.map((row) => row.uuid).sort()).toEqual(expected);
    for (const row of rows) {
      expect(row.cells[1]).toBe(row.uuid?.slice(0, 7));
      expect(row.cells[3]).toBe('online');
    }
  });

  test('follows a device’s logs live, then keeps the proof as a screenshot', async () => {
    const followed = await page.$eval('#devices tbody tr', (tr) => tr.getAttribute('data-uuid'));
    const device = fleet.devices.find((candidate) => candidate.uuid === followed);
    expect(device).toBeDefined();
    const marker = `hello from the browser test ${Date.now()}`;
    await device?.log(marker);
    await page.waitForFunction((text) => document.querySelector('#logs')?.textContent?.includes(text), marker, {
      timeout: 20_000,
    });
    const lines = await page.$$eval('#logs li', (items) => items.map((item) => item.textContent ?? ''));
    expect(lines.some((line) => line.endsWith(marker))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(1000);
    expect(pageErrors).toEqual([]);
  });

  test('keeps the session in localStorage, as the browser build should', async () => {
    const keys = await page.evaluate(() => Object.keys(localStorage));
    // Under the key of the API it belongs to: another API's page on this origin never sends it.
    expect(keys).toContain(`balena-ts:token@${sandbox.url}`);
  });
});
