import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Sandbox, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const SOURCES = path.join(import.meta.dirname, '..', 'src');

describe('the modular first call against the sandbox', () => {
  let sandbox: Sandbox;
  let devices: { id: number; uuid: string }[];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const application = await sandbox.seedApplication({ name: 'node-example' });
    devices = await sandbox.seedDevices({ application: application.id, count: 2, namePrefix: 'pump' });
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  async function runScript(
    args: string[],
    script = 'first-call.mjs',
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      ...process.env,
      BALENA_API_URL: sandbox.url,
      BALENA_EMAIL: sandbox.superuser.email,
      BALENA_PASSWORD: sandbox.superuser.password,
    };
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(SOURCES, script), ...args], {
        env,
        timeout: 20_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  test('logs in and prints the device it was given', async () => {
    const target = devices[1];
    if (target === undefined) throw new Error('no device seeded');
    const result = await runScript([target.uuid]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^pump\\S* \\(${target.uuid.slice(0, 7)}\\): \\S+\\n$`));
  });

  test('picks a device when none is given', async () => {
    const result = await runScript([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pump\S* \([0-9a-f]{7}\): \S+\n$/);
  });

  test('says so when the device does not exist', async () => {
    const result = await runScript(['0'.repeat(32)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`No device ${'0'.repeat(32)}.\n`);
  });

  test('does the same through the facade, listing every device', async () => {
    const result = await runScript([], 'first-call-facade.mjs');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('Logged in as admin.');
    expect(lines.slice(1).sort()).toEqual(
      devices.map((device) => expect.stringMatching(new RegExp(`^pump\\S* \\(${device.uuid.slice(0, 7)}\\): \\S+$`))),
    );
  });
});
