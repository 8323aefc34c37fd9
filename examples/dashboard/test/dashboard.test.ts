import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.browser.shared.js';
import { buildDashboard } from '../scripts/build.mjs';
import { type LiveDashboard, startLiveDashboard } from '../scripts/live-dashboard.mjs';

// Beside the browser example's screenshot, in the repository's test-artifacts/ (kept by CI).
const SCREENSHOT = path.join(import.meta.dirname, '..', '..', '..', 'test-artifacts', 'dashboard.png');
const WAIT = { timeout: 20_000 };
const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  console.warn(
    `dashboard example: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH): the real-browser test is skipped`,
  );
}

describe('the dashboard bundle', () => {
  test("takes the facade's browser build, with no Node module", async () => {
    const { inputs } = await buildDashboard();
    expect(inputs.some((input) => input.includes('packages/sdk/dist/platform-browser.js'))).toBe(true);
    expect(inputs.filter((input) => input.includes('settings-node') || input.startsWith('node:'))).toEqual([]);
  });
});

describe.skipIf(!hasChromium)('the fleet dashboard in a real headless Chromium', () => {
  let dashboard: LiveDashboard;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  /** The rows of the device table: uuid and the text of each cell. */
  function deviceRows() {
    return page.$$eval('#devices tbody tr', (rows) =>
      rows.map((row) => ({
        uuid: row.getAttribute('data-uuid') ?? '',
        cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
      })),
    );
  }

  /** The device as the sandbox has it (read with the superuser's token, not through the page). */
  async function pinnedCommitOf(uuid: string): Promise<string | null> {
    const query = `$select=uuid&$expand=is_pinned_on__release($select=commit)&$filter=uuid eq '${uuid}'`;
    const response = await fetch(`${dashboard.sandbox.url}/v7/device?${encodeURI(query)}`, {
      headers: { Authorization: `Bearer ${dashboard.sandbox.superuser.token}` },
    });
    expect(response.status).toBe(200);
    const { d } = (await response.json()) as { d: { is_pinned_on__release: { commit: string }[] | null }[] };
    return d[0]?.is_pinned_on__release?.[0]?.commit ?? null;
  }

  beforeAll(async () => {
    dashboard = await startLiveDashboard();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(dashboard.url);
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  test('logs in with the demo credentials and lists the first fleet’s devices, online', async () => {
    await page.waitForSelector('body[data-state="login"]', WAIT);
    await page.click('#login button[type="submit"]');
    await page.waitForSelector('body[data-state="ready"]', WAIT);
    expect(await page.textContent('#status')).toBe('Logged in as admin: 2 fleets.');
    expect(await page.$$eval('#fleet option', (options) => options.map((option) => option.textContent))).toEqual([
      'greenhouse',
      'workshop',
    ]);

    const [greenhouse] = dashboard.fleets;
    const latest = greenhouse!.releases[1]!.commit.slice(0, 7);
    // Every device online, running the fleet's latest release, not pinned, on balenaOS.
    await page.waitForFunction(
      ([count, commit]) => {
        const rows = [...document.querySelectorAll('#devices tbody tr')];
        return rows.length === count && rows.every((row) => row.children[4]?.textContent === commit);
      },
      [greenhouse!.devices.length, latest] as const,
      WAIT,
    );
    const rows = await deviceRows();
    expect(rows.map((row) => row.uuid).sort()).toEqual(greenhouse!.devices.map((device) => device.uuid).sort());
    expect(rows.map((row) => row.cells[0])).toEqual([
      'fan-controller',
      'humidity-sensor',
      'irrigation',
      'weather-station',
    ]);
    for (const { uuid, cells } of rows) {
      expect(cells.slice(1)).toEqual([uuid.slice(0, 7), 'operational', 'online', latest, 'no', 'balenaOS 6.0.0']);
    }
  });

  test('follows the selected device’s logs live', async () => {
    const [greenhouse] = dashboard.fleets;
    const device = greenhouse!.devices[0]!;
    await page.click(`#devices tbody tr[data-uuid="${device.uuid}"]`);
    expect(await page.textContent('#selected-name')).toBe('fan-controller');
    // Written as the device after the page subscribed: it can only arrive over the live stream.
    await page.waitForSelector('#logs li', WAIT);
    const marker = `watering at ${Date.now()}`;
    await device.log(marker);
    await page.waitForFunction((text) => document.querySelector('#logs')?.textContent?.includes(text), marker, WAIT);
  });

  test('pins the selected device to the older release, and the sandbox has it', async () => {
    const [greenhouse] = dashboard.fleets;
    const device = greenhouse!.devices[0]!;
    const older = greenhouse!.releases[0]!.commit;
    expect(await pinnedCommitOf(device.uuid)).toBeNull();

    await page.selectOption('#release', older);
    await page.click('#pin');
    await page.waitForSelector('body[data-state="pinned"]', WAIT);
    expect(await pinnedCommitOf(device.uuid)).toBe(older);
    // The table follows: pinned, then running the older release once the device has updated.
    await page.waitForFunction(
      ([uuid, commit]) => {
        const cells = document.querySelector(`#devices tbody tr[data-uuid="${uuid}"]`)?.children;
        return cells?.[5]?.textContent === `pinned to ${commit}` && cells[4]?.textContent === commit;
      },
      [device.uuid, older.slice(0, 7)] as const,
      WAIT,
    );
  });

  test('downloads a balenaOS image with the progress reaching 100 %, then keeps a screenshot', async () => {
    expect(await page.textContent('#device-type')).toBe('raspberrypi4-64');
    await page.click('#download');
    await page.waitForSelector('#download-save:not([hidden])', WAIT);
    const progress = await page.$eval('#download-progress', (bar) => ({
      value: (bar as HTMLProgressElement).value,
      max: (bar as HTMLProgressElement).max,
    }));
    expect(progress.max).toBeGreaterThan(1024 * 1024);
    expect(progress.value).toBe(progress.max);
    expect(await page.textContent('#download-text')).toMatch(/^(\d+\.\d) MB \/ \1 MB \(100%\)$/);
    expect(await page.getAttribute('body', 'data-download')).toBe('100');
    expect(await page.getAttribute('#download-save', 'download')).toMatch(/^balena-raspberrypi4-64-.+\.img$/);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });

  test('unpins: the device tracks the fleet’s release again', async () => {
    const device = dashboard.fleets[0]!.devices[0]!;
    await page.click('#unpin');
    await page.waitForSelector('body[data-state="tracking"]', WAIT);
    expect(await pinnedCommitOf(device.uuid)).toBeNull();
  });

  test('says so when the password is wrong, and stays on the login form', async () => {
    const other = await browser.newPage();
    try {
      const url = new URL(dashboard.url);
      url.searchParams.set('password', 'not-the-password');
      await other.goto(url.href);
      await other.click('#login button[type="submit"]');
      await other.waitForSelector('body[data-state="error"]', WAIT);
      expect(await other.textContent('#status')).toMatch(/^Failed: .+/);
      expect(await other.isVisible('#login')).toBe(true);
      expect(await other.isHidden('#dashboard')).toBe(true);
    } finally {
      await other.close();
    }
  });

  test('switches fleets', async () => {
    const workshop = dashboard.fleets[1]!;
    await page.selectOption('#fleet', String(workshop.id));
    await page.waitForFunction(
      (count) => document.querySelectorAll('#devices tbody tr').length === count,
      workshop.devices.length,
      WAIT,
    );
    expect((await deviceRows()).map((row) => row.cells[0])).toEqual(['band-saw', 'dust-collector']);
    expect(await page.isHidden('#selected')).toBe(true);
  });
});
