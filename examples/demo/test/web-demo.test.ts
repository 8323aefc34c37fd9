import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const DEMO = path.join(import.meta.dirname, '..', 'src', 'demo.mjs');
const URL_LINE = /^Open the fleet dashboard: (\S+)$/m;

describe('npm run demo -- --web (the fleet dashboard, until Ctrl-C)', () => {
  let demo: ChildProcess;
  let stdout = '';
  let stderr = '';
  let pageUrl: URL;

  beforeAll(async () => {
    demo = spawn(process.execPath, [DEMO, '--', '--web'], { stdio: ['ignore', 'pipe', 'pipe'] });
    demo.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    demo.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const deadline = Date.now() + 60_000;
    while (!URL_LINE.test(stdout)) {
      if (demo.exitCode !== null || Date.now() > deadline) throw new Error(`no URL printed:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    pageUrl = new URL(URL_LINE.exec(stdout)?.[1] ?? '');
  }, 70_000);

  afterAll(() => {
    if (demo.exitCode === null) demo.kill('SIGKILL');
  });

  test('prints the page URL with the sandbox API and its demo credentials, and serves the page', async () => {
    expect(pageUrl.searchParams.get('username')).toBe('admin@example.com');
    expect(pageUrl.searchParams.get('password')).toMatch(/^\w+$/);
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>balena-ts fleet dashboard</title>');
    const bundle = await fetch(new URL('dist/main.js', pageUrl));
    expect(bundle.status).toBe(200);
  });

  test('runs a living fleet: the sandbox answers and the devices are online', async () => {
    const apiUrl = pageUrl.searchParams.get('apiUrl');
    const login = await fetch(`${apiUrl}/login_`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        username: pageUrl.searchParams.get('username'),
        password: pageUrl.searchParams.get('password'),
      }),
    });
    expect(login.status).toBe(200);
    const token = await login.text();
    const devices = await fetch(`${apiUrl}/v7/device?$select=device_name,api_heartbeat_state`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { d } = (await devices.json()) as { d: { device_name: string; api_heartbeat_state: string }[] };
    expect(d).toHaveLength(6);
    expect(d.every((device) => device.api_heartbeat_state === 'online')).toBe(true);
    expect(stdout).toMatch(/fleet admin\/greenhouse: 4 devices online/);
  });

  test('closes everything on Ctrl-C (SIGINT) and exits 0', async () => {
    const apiUrl = pageUrl.searchParams.get('apiUrl');
    const exited = once(demo, 'exit');
    demo.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toContain('page server closed, devices stopped, sandbox closed');
    expect(stderr).toBe('');
    await expect(fetch(pageUrl)).rejects.toThrow();
    await expect(fetch(`${apiUrl}/ping`)).rejects.toThrow();
  }, 30_000);
});
