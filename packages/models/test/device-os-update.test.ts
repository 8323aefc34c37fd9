import {
  DeviceNotFound,
  DeviceOffline,
  InvalidParameter,
  OsUpdateFailed,
  OsUpdateNotSupported,
  ReleaseNotFound,
  RequestError,
  TimeoutError,
} from '@balena-ts/core';
import * as device from '@balena-ts/models/device-os-update';
import * as os from '@balena-ts/models/os';
import { describe, expect, it } from 'vitest';
import { seedFleet, useTestContext } from './helpers/sandbox.js';

const context = useTestContext();
const FAST = { pollIntervalMs: 60_000, logIntervalMs: 0, rebootDelayMs: 50, downloadStepMs: 10 };

/** A raspberrypi4-64 device that reports `osVersion` and is simulated online. */
async function simulatedDevice(osVersion: string, options: { failOsUpdate?: boolean; online?: boolean } = {}) {
  const { devices } = await seedFleet(context, 1, 'raspberrypi4-64', { os_version: osVersion, os_variant: 'prod' });
  const uuid = devices[0]!.uuid;
  // A pin to the running version is allowed: the device's target OS release is what it runs.
  await device.pinToOsRelease(context.client, uuid, osVersion.replace('balenaOS ', ''));
  const simulation = await context.sandbox.simulateDevice(uuid, { ...FAST, failOsUpdate: options.failOsUpdate });
  if (options.online === false) await simulation.goOffline();
  return { uuid, id: devices[0]!.id, simulation };
}

async function osTargetOf(uuid: string): Promise<string | undefined> {
  const [row] = await context.client.pine.get<{ should_be_operated_by__release: { raw_version: string }[] }>({
    resource: 'device',
    options: {
      $filter: { uuid },
      $select: 'id',
      $expand: { should_be_operated_by__release: { $select: 'raw_version' } },
    },
  });
  return row?.should_be_operated_by__release[0]?.raw_version;
}

describe('device.startOsUpdate and device.waitForOsUpdate', () => {
  it('updates a simulated device from start to its new os_version, reporting progress', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10');
    try {
      expect(await osTargetOf(uuid)).toBe('6.0.10');
      const result = await device.startOsUpdate(context.client, uuid, '6.0.13');
      expect(result).toEqual({ status: 'triggered', parameters: { target_version: '6.0.13' } });
      const progress: device.OsUpdateProgress[] = [];
      const outcome = await device.waitForOsUpdate(context.client, uuid, {
        pollIntervalMs: 5,
        timeoutMs: 20_000,
        onProgress: (step) => progress.push(step),
      });
      expect(outcome).toEqual({ os_version: 'balenaOS 6.0.13', targetVersion: '6.0.13' });
      const states = progress.map((step) => step.state);
      expect(states).toContain('Downloading OS update');
      expect(states).toContain('Installing OS update');
      expect(progress.some((step) => step.status === 'configuring' && (step.percentage ?? 0) > 0)).toBe(true);
      // It went offline to reboot and came back on the new OS.
      expect(progress.some((step) => !step.isOnline)).toBe(true);
      const [row] = await context.client.pine.get<Record<string, unknown>>({
        resource: 'device',
        options: { $filter: { uuid }, $select: ['os_version', 'status', 'provisioning_progress', 'overall_status'] },
      });
      expect(row).toMatchObject({ os_version: 'balenaOS 6.0.13', status: 'Idle', provisioning_progress: null });
      expect(await osTargetOf(uuid)).toBe('6.0.13');
      // Back on the new OS, the device does not run the update a second time.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const logs = await context.client.request<{ message: string }[]>(`/device/v2/${uuid}/logs`);
      expect(logs.filter((line) => line.message.includes('Host OS update to balenaOS 6.0.13 started'))).toHaveLength(1);
      // The API now refuses a downgrade of the target, as balena does.
      const downgrade = await context.client.pine
        .patch({ resource: 'device', options: { $filter: { uuid } }, body: { should_be_operated_by__release: 1 } })
        .catch((error: unknown) => error);
      expect(downgrade).toBeInstanceOf(RequestError);
    } finally {
      await simulation.stop();
    }
  }, 30_000);

  it('refuses downgrades, the same version and dev/prod switches with balena’s reasons', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.13');
    try {
      await expect(device.startOsUpdate(context.client, uuid, '6.0.10')).rejects.toThrow(
        new OsUpdateNotSupported('OS downgrades are not allowed'),
      );
      // The device's version carries its variant (6.0.13+prod), which sorts after the unified 6.0.13.
      await expect(device.startOsUpdate(context.client, uuid, '6.0.13')).rejects.toThrow(
        'OS downgrades are not allowed',
      );
      // An ESR release built on an older default version is a downgrade in disguise.
      await expect(device.startOsUpdate(context.client, uuid, '2025.1.0')).rejects.toThrow(
        'OS downgrades are not allowed',
      );
      await expect(device.startOsUpdate(context.client, uuid, '9.9.9')).rejects.toBeInstanceOf(InvalidParameter);
      expect(await osTargetOf(uuid)).toBe('6.0.13');
    } finally {
      await simulation.stop();
    }
  });

  it('refuses an offline device', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10', { online: false });
    try {
      await expect(device.startOsUpdate(context.client, uuid, '6.0.13')).rejects.toThrow(
        new DeviceOffline(`The device is offline: ${uuid}`),
      );
      expect(await osTargetOf(uuid)).toBe('6.0.10');
    } finally {
      await simulation.stop();
    }
  });

  it('reports a failed update as OsUpdateFailed', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10', { failOsUpdate: true });
    try {
      await device.startOsUpdate(context.client, uuid, '6.0.13');
      const failure = await device
        .waitForOsUpdate(context.client, uuid, { pollIntervalMs: 5, timeoutMs: 20_000 })
        .catch((error: unknown) => error);
      expect(failure).toEqual(new OsUpdateFailed('OS update failed'));
    } finally {
      await simulation.stop();
    }
  });

  it('raises DeviceNotFound, InvalidParameter and TimeoutError', async () => {
    await expect(device.startOsUpdate(context.client, 'f'.repeat(32), '6.0.13')).rejects.toBeInstanceOf(DeviceNotFound);
    context.recorder.reset();
    await expect(device.startOsUpdate(context.client, 'not-a-uuid', '6.0.13')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.startOsUpdate(context.client, 'f'.repeat(32), '')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.startOsUpdate(context.client, 12 as never, '6.0.13')).rejects.toBeInstanceOf(InvalidParameter);
    await expect(device.waitForOsUpdate(context.client, 'f'.repeat(32), { timeoutMs: -1 })).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10', { online: false });
    try {
      await device.pinToOsRelease(context.client, uuid, '6.0.13');
      await expect(
        device.waitForOsUpdate(context.client, uuid, { pollIntervalMs: 5, timeoutMs: 50 }),
      ).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      await simulation.stop();
    }
  });
});

describe('device.pinToOsRelease', () => {
  it('sets the target OS release by version or id; a device that comes online then updates', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 5.3.20', { online: false });
    try {
      await device.pinToOsRelease(context.client, uuid, '6.0.10');
      expect(await osTargetOf(uuid)).toBe('6.0.10');
      const [target] = await os.getAvailableOsVersions(context.client, 'raspberrypi4-64', {
        $filter: { raw_version: '6.0.13' },
      });
      await device.pinToOsRelease(context.client, uuid, target!.id);
      expect(await osTargetOf(uuid)).toBe('6.0.13');
      // The device still runs 5.3.20, but the API refuses a target older than the current target.
      const back = await device.pinToOsRelease(context.client, uuid, '6.0.10').catch((error: unknown) => error);
      expect(back).toBeInstanceOf(RequestError);
      expect((back as RequestError).message).toContain('Attempt to downgrade hostapp, which is not allowed');
      expect(await osTargetOf(uuid)).toBe('6.0.13');
      await simulation.goOnline();
      const outcome = await device.waitForOsUpdate(context.client, uuid, { pollIntervalMs: 5, timeoutMs: 20_000 });
      expect(outcome.os_version).toBe('balenaOS 6.0.13');
    } finally {
      await simulation.stop();
    }
  }, 30_000);

  it('refuses unknown releases, downgrades and bad input', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10', { online: false });
    try {
      await expect(device.pinToOsRelease(context.client, uuid, '1.2.3')).rejects.toBeInstanceOf(ReleaseNotFound);
      await expect(device.pinToOsRelease(context.client, uuid, '5.3.20')).rejects.toThrow(
        'OS downgrades are not allowed',
      );
      await expect(device.pinToOsRelease(context.client, uuid, '')).rejects.toBeInstanceOf(InvalidParameter);
      await expect(device.pinToOsRelease(context.client, uuid, -3)).rejects.toBeInstanceOf(InvalidParameter);
      await expect(device.pinToOsRelease(context.client, 'e'.repeat(32), '6.0.13')).rejects.toBeInstanceOf(
        DeviceNotFound,
      );
    } finally {
      await simulation.stop();
    }
  });
});
