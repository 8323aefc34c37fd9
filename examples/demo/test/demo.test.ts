import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const DEMO = path.join(import.meta.dirname, '..', 'src', 'demo.mjs');

interface DemoRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function runDemo(args: string[] = []): Promise<DemoRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [DEMO, ...args], { timeout: 80_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run demo (the embedded sandbox tour)', () => {
  let result: DemoRun;
  beforeAll(async () => {
    result = await runDemo();
  }, 90_000);

  test('exits 0 by itself', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test('prints each step, numbered, in order', () => {
    const steps = [
      'Starting the embedded balena sandbox',
      'Logging in',
      'Creating a fleet',
      'Publishing two releases',
      'Registering 3 devices and bringing them online',
      'Setting variables and tags',
      'Pinning garage to the previous release',
      'Rebooting kitchen through the supervisor and following its logs live',
      'Downloading a balenaOS image for raspberrypi4-64',
      'Updating balenaOS on greenhouse',
      'The fleet',
      'Cleaning up',
    ];
    const numbered = [...result.stdout.matchAll(/^ ?(\d+)\. (.+)$/gm)].map((match) => [Number(match[1]), match[2]]);
    expect(numbered.map(([number]) => number)).toEqual(steps.map((_step, index) => index + 1));
    steps.forEach((step, index) => {
      expect(numbered[index]?.[1]).toContain(step);
    });
  });

  test('shows what happened at each step', () => {
    const out = result.stdout;
    expect(out).toMatch(/logged in as admin \(admin@example\.com\)/);
    expect(out).toMatch(/fleet admin\/demo-fleet \(id \d+\)/);
    expect(out).toMatch(/kitchen: [0-9a-f]{7} registered/);
    expect(out).toContain('fleet GREETING=hello');
    expect(out).toContain('kitchen GREETING=hej');
    expect(out).toMatch(/3 device tags: .*room=kitchen/);
    expect(out).toMatch(/garage now runs [0-9a-f]{7}/);
    // The live logs show the device coming back; the "Rebooting" line itself may precede the log
    // stream's connection on a busy machine (the tour then goes by the supervisor's answer).
    expect(out).toMatch(/\[system\] Supervisor starting/);
    expect(out).toMatch(/kitchen is back online/);
    // Not a terminal: the progress bar prints plain lines, ending at 100 %.
    expect(out).toMatch(/image \[#+\] 100% /);
    expect(out).not.toContain('\r');
    expect(out).toMatch(/balenaOS \S+: \S+, [\d.]+ (KB|MB)/);
    // The host OS update, from its start to the new version.
    expect(out).toContain('greenhouse runs balenaOS 6.0.0; recommended update: balenaOS 6.0.13');
    expect(out).toMatch(/\d+% Downloading OS update/);
    expect(out).toContain('rebooting into the new OS');
    expect(out).toContain('greenhouse now runs balenaOS 6.0.13');
    expect(out).toContain('devices stopped, sandbox closed');
    expect(out).toMatch(/Done in [\d.]+ s\./);
  });

  test('ends with a readable fleet table, one row per device with its status', () => {
    const table = result.stdout.split(' The fleet')[1] ?? '';
    expect(table).toMatch(/name\s+uuid\s+type\s+status\s+online\s+release\s+pinned\s+ip\s+os/);
    for (const name of ['garage', 'greenhouse', 'kitchen']) {
      expect(table).toMatch(new RegExp(`${name}\\s+[0-9a-f]{7}\\s+raspberrypi4-64\\s+\\S+\\s+yes\\s+[0-9a-f]{7}`));
    }
    expect(table).toMatch(/garage\s+\S+\s+\S+\s+\S+\s+yes\s+\S+\s+yes/);
  });
});

describe('npm run demo -- --api-url URL --token TOKEN (read-only tour)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const fleet = await sandbox.seedApplication({ name: 'existing-fleet' });
    await sandbox.seedDevices({ application: fleet.id, count: 2, namePrefix: 'sensor' });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  test('lists the account, fleets, devices and device types, and changes nothing', async () => {
    const before = await fetch(`${sandbox.url}/v7/application?$select=id`, {
      headers: { Authorization: `Bearer ${sandbox.superuser.token}` },
    }).then((response) => response.json());
    const result = await runDemo(['--api-url', sandbox.url, '--token', sandbox.superuser.token]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Starting the embedded balena sandbox');
    expect(result.stdout).toMatch(/1\. Connecting to http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toContain('logged in as the user admin');
    expect(result.stdout).toMatch(/admin\/existing-fleet/);
    expect(result.stdout).toMatch(/sensor\S*\s+[0-9a-f]{7}/);
    expect(result.stdout).toMatch(/\d+ device types, e\.g\.:/);
    expect(result.stdout).toContain('raspberrypi4-64');
    const after = await fetch(`${sandbox.url}/v7/application?$select=id`, {
      headers: { Authorization: `Bearer ${sandbox.superuser.token}` },
    }).then((response) => response.json());
    expect(after).toEqual(before);
  });

  test('accepts the arguments after the `--` that `npm run demo -- ...` passes along', async () => {
    const result = await runDemo(['--', '--api-url', sandbox.url, '--token', sandbox.superuser.token]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('logged in as the user admin');
  });

  test('refuses an unknown option', async () => {
    const result = await runDemo(['--colour']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('usage: npm run demo');
  });

  test('refuses a URL without a token', async () => {
    const result = await runDemo(['--api-url', sandbox.url]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('usage: npm run demo');
  });
});
