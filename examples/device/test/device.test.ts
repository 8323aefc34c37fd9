import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Sandbox, type SeededRelease, type SimulatedFleet, startSandbox } from '@balena-ts/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const SCRIPT = path.join(import.meta.dirname, '..', 'src', 'device.mjs');

async function runScript(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  // The parent's own BALENA_* variables must not leak into the child.
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BALENA')));
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT], { env: { ...base, ...env }, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the in-device example against a simulated device', () => {
  let sandbox: Sandbox;
  let release: SeededRelease;
  let fleet: SimulatedFleet;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    const application = await sandbox.seedApplication({ name: 'device-example' });
    release = await sandbox.seedRelease({ application: application.id });
    fleet = await sandbox.simulateFleet({ application: application.id, count: 1 });
  });

  afterAll(async () => {
    await fleet?.stop();
    await sandbox?.close();
  });

  test('pings and reads its own state through the local supervisor', async () => {
    const [device] = fleet.devices;
    if (device === undefined) throw new Error('no simulated device');
    const result = await runScript({
      BALENA_SUPERVISOR_ADDRESS: device.supervisorUrl,
      BALENA_SUPERVISOR_API_KEY: device.supervisorApiKey,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`supervisor at ${device.supervisorUrl}: OK`);
    expect(result.stdout).toMatch(/status: +Idle/);
    expect(result.stdout).toContain(`release:    ${release.commit}`);
  });

  test('reports a wrong API key and exits 1', async () => {
    const [device] = fleet.devices;
    if (device === undefined) throw new Error('no simulated device');
    const result = await runScript({
      BALENA_SUPERVISOR_ADDRESS: device.supervisorUrl,
      BALENA_SUPERVISOR_API_KEY: 'not-the-key',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^The supervisor refused: /);
    expect(result.stderr).not.toContain('not-the-key');
  });

  test('explains what it needs when the variables are missing', async () => {
    const result = await runScript({});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Set BALENA_SUPERVISOR_ADDRESS and BALENA_SUPERVISOR_API_KEY');
  });
});
