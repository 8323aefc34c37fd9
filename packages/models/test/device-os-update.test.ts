import { getEventListeners } from 'node:events';
import {
  DeviceNotFound,
  DeviceOffline,
  InvalidDeviceType,
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
import { checkOsUpdateTarget, osVersionWithVariant } from '../src/device-os-update/target.js';
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

/** A raspberrypi4-64 device row with these fields, not simulated. */
async function seededDevice(fields: Record<string, unknown>): Promise<{ uuid: string; id: number }> {
  const { devices } = await seedFleet(context, 1, 'raspberrypi4-64', fields);
  return devices[0]!;
}

/** The catalogue's draft OS release (6.1.0): balena writes its creation time into its raw_version. */
async function draftOsRelease(): Promise<os.OsVersion> {
  const all = await os.getAllOsVersions(context.client, 'raspberrypi4-64');
  const draft = all.find((version) => version.raw_version.startsWith('6.1.0-'));
  if (draft === undefined) throw new Error('the sandbox catalogue has no draft 6.1.0');
  return draft;
}

/** The PATCH requests the client sent since the recorder's last reset. */
function patches(): string[] {
  return context.recorder.requests.filter((request) => request.method === 'PATCH').map((request) => request.url);
}

describe('device.startOsUpdate and device.waitForOsUpdate', () => {
  it('updates a simulated device from start to its new os_version, reporting progress', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10');
    try {
      expect(await osTargetOf(uuid)).toBe('6.0.10');
      const result = await device.startOsUpdate(context.client, uuid, '6.0.13');
      expect(result).toEqual({ status: 'triggered', parameters: { target_version: '6.0.13' } });
      const progress: device.OsUpdateProgress[] = [];
      const controller = new AbortController();
      const outcome = await device.waitForOsUpdate(context.client, uuid, {
        pollIntervalMs: 5,
        timeoutMs: 20_000,
        onProgress: (step) => progress.push(step),
        signal: controller.signal,
      });
      expect(outcome).toEqual({ os_version: 'balenaOS 6.0.13', targetVersion: '6.0.13' });
      // Each pause between reads let go of the caller's signal when it ended.
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      // Reported on change only: the reads during the reboot see the same offline device many times.
      for (let index = 1; index < progress.length; index += 1) {
        expect(progress[index]).not.toEqual(progress[index - 1]);
      }
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
      // The API compares a new target with the OS the device runs (5.3.20), not with the current target.
      await device.pinToOsRelease(context.client, uuid, '6.0.10');
      expect(await osTargetOf(uuid)).toBe('6.0.10');
      await device.pinToOsRelease(context.client, uuid, '6.0.13');
      // pinToOsRelease itself refuses an older version than the running one, so the API is asked directly.
      const [older] = await os.getAvailableOsVersions(context.client, 'raspberrypi4-64', {
        $filter: { raw_version: '2.115.3+rev1' },
      });
      const back = await context.client.pine
        .patch({
          resource: 'device',
          options: { $filter: { uuid } },
          body: { should_be_operated_by__release: older!.id },
        })
        .catch((error: unknown) => error);
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

describe('device.startOsUpdate: what it checks before and after reading the devices', () => {
  it('names the parameter and the reason of each refusal, before any request', async () => {
    context.recorder.reset();
    const uuid = 'f'.repeat(32);
    const refusal = await device.startOsUpdate(context.client, 'not-a-uuid', '6.0.13').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InvalidParameter);
    expect((refusal as InvalidParameter).parameter).toBe('uuidOrUuids');
    await expect(device.startOsUpdate(context.client, 12 as never, '6.0.13')).rejects.toEqual(
      new InvalidParameter('uuidOrUuids', 12, 'expected full device uuids'),
    );
    await expect(device.startOsUpdate(context.client, uuid, ' ')).rejects.toEqual(
      new InvalidParameter('targetOsVersion', ' ', 'expected an exact balenaOS version'),
    );
    await expect(device.startOsUpdate(context.client, uuid, '6.0.13', 5 as never)).rejects.toEqual(
      new InvalidParameter('options', 5, 'expected an object'),
    );
    expect(context.recorder.requests).toHaveLength(0);
    const { uuid: known, simulation } = await simulatedDevice('balenaOS 6.0.10');
    try {
      await expect(device.startOsUpdate(context.client, known, '9.9.9')).rejects.toEqual(
        new InvalidParameter('targetOsVersion', '9.9.9', 'no such OS release for raspberrypi4-64'),
      );
    } finally {
      await simulation.stop();
    }
  });

  it('starts several devices at once and answers by uuid', async () => {
    const first = await simulatedDevice('balenaOS 6.0.10');
    const second = await simulatedDevice('balenaOS 6.0.10');
    try {
      const results = await device.startOsUpdate(context.client, [first.uuid, second.uuid], '6.0.13');
      const triggered = { status: 'triggered', parameters: { target_version: '6.0.13' } };
      expect(results).toEqual({ [first.uuid]: triggered, [second.uuid]: triggered });
      expect(await osTargetOf(first.uuid)).toBe('6.0.13');
      expect(await osTargetOf(second.uuid)).toBe('6.0.13');
    } finally {
      await first.simulation.stop();
      await second.simulation.stop();
    }
  });

  it('finds a draft release by its full version, drafts included only for a pre-release version', async () => {
    const draft = await draftOsRelease();
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10');
    try {
      // The draft's semver without its creation time names no release a device may be given.
      await expect(device.startOsUpdate(context.client, uuid, '6.1.0')).rejects.toBeInstanceOf(InvalidParameter);
      const result = await device.startOsUpdate(context.client, uuid, draft.raw_version);
      expect(result).toEqual({ status: 'triggered', parameters: { target_version: draft.raw_version } });
      expect(await osTargetOf(uuid)).toBe(draft.raw_version);
    } finally {
      await simulation.stop();
    }
  });

  it('refuses a device that has not reported its OS version, or its variant, or reports no version', async () => {
    context.recorder.reset();
    const unreported = await seededDevice({ os_version: null, os_variant: 'prod', is_connected_to_vpn: true });
    await expect(device.startOsUpdate(context.client, unreported.uuid, '6.0.13')).rejects.toEqual(
      new OsUpdateNotSupported(`The current os version of the device is not available: ${unreported.uuid}`),
    );
    const noVariant = await seededDevice({
      os_version: 'balenaOS 6.0.10',
      os_variant: null,
      is_connected_to_vpn: true,
    });
    await expect(device.startOsUpdate(context.client, noVariant.uuid, '6.0.13')).rejects.toEqual(
      new OsUpdateNotSupported(`The os variant of the device is not available: ${noVariant.uuid}`),
    );
    const garbled = await seededDevice({ os_version: 'balenaOS next', os_variant: 'prod', is_connected_to_vpn: true });
    await expect(device.startOsUpdate(context.client, garbled.uuid, '6.0.13')).rejects.toEqual(
      new OsUpdateNotSupported('Invalid current balenaOS version'),
    );
    expect(patches()).toEqual([]);
  });

  it('updates a device on the ESR line to a newer ESR release, whatever default version it is built on', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 2025.1.0');
    try {
      // 2025.1.1 is built on 6.0.13, older than the running 2025.1.0 by semver: only a default-line
      // device is held to the base version.
      const result = await device.startOsUpdate(context.client, uuid, '2025.1.1');
      expect(result).toEqual({ status: 'triggered', parameters: { target_version: '2025.1.1' } });
    } finally {
      await simulation.stop();
    }
  });
});

describe('device.pinToOsRelease: versions, drafts and variants', () => {
  it('refuses a version that is not text or is blank, before any request', async () => {
    context.recorder.reset();
    const uuid = 'f'.repeat(32);
    await expect(device.pinToOsRelease(context.client, uuid, null as never)).rejects.toEqual(
      new InvalidParameter('osVersionOrId', null, 'expected an OS release version or id'),
    );
    await expect(device.pinToOsRelease(context.client, uuid, '  ')).rejects.toEqual(
      new InvalidParameter('osVersionOrId', '  ', 'expected an OS release version or id'),
    );
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('pins a draft release given by id', async () => {
    const draft = await draftOsRelease();
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10', { online: false });
    try {
      await device.pinToOsRelease(context.client, uuid, draft.id);
      expect(await osTargetOf(uuid)).toBe(draft.raw_version);
    } finally {
      await simulation.stop();
    }
  });

  it('pins a release carrying its variant back to the running version of that variant only', async () => {
    // Releases from before unified images carry the variant in their version (2.88.4+rev2.prod).
    const prod = await seededDevice({
      os_version: 'balenaOS 2.88.4+rev2',
      os_variant: 'prod',
      is_connected_to_vpn: true,
    });
    await device.pinToOsRelease(context.client, prod.uuid, '2.88.4+rev2.prod');
    expect(await osTargetOf(prod.uuid)).toBe('2.88.4+rev2.prod');
    // The device runs its target: the wait ends at the first read.
    expect(await device.waitForOsUpdate(context.client, prod.uuid, { pollIntervalMs: 5, timeoutMs: 5000 })).toEqual({
      os_version: 'balenaOS 2.88.4+rev2',
      targetVersion: '2.88.4+rev2.prod',
    });
    const dev = await seededDevice({ os_version: 'balenaOS 2.88.4+rev2', os_variant: 'dev' });
    context.recorder.reset();
    await expect(device.pinToOsRelease(context.client, dev.uuid, '2.88.4+rev2.prod')).rejects.toEqual(
      new OsUpdateNotSupported('Updates cannot be performed between development and production balenaOS variants'),
    );
    expect(patches()).toEqual([]);
  });
});

describe('device.waitForOsUpdate: options, devices without a target, the deadline and the signal', () => {
  it('names the option and the reason of each refusal, before any request', async () => {
    context.recorder.reset();
    const uuid = 'f'.repeat(32);
    await expect(device.waitForOsUpdate(context.client, uuid, 5 as never)).rejects.toEqual(
      new InvalidParameter('options', 5, 'expected an object'),
    );
    await expect(device.waitForOsUpdate(context.client, uuid, { pollIntervalMs: 0 })).rejects.toEqual(
      new InvalidParameter('pollIntervalMs', 0, 'expected a positive number of milliseconds'),
    );
    await expect(device.waitForOsUpdate(context.client, uuid, { onProgress: 'log' as never })).rejects.toEqual(
      new InvalidParameter('onProgress', 'log', 'expected a function'),
    );
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('resolves at once, with the default options, for a device that runs its target', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10');
    try {
      expect(await device.waitForOsUpdate(context.client, uuid)).toEqual({
        os_version: 'balenaOS 6.0.10',
        targetVersion: '6.0.10',
      });
    } finally {
      await simulation.stop();
    }
  });

  it('fails for a device without a target, and waits on for one that has not reported its OS version', async () => {
    const untargeted = await seededDevice({ os_version: 'balenaOS 6.0.10', os_variant: 'prod' });
    await expect(device.waitForOsUpdate(context.client, untargeted.uuid)).rejects.toEqual(
      new OsUpdateFailed(`The device has no target OS release: ${untargeted.uuid}`),
    );
    // A provisioning device (no os_version yet) may be given a target; it does not run it yet.
    const provisioning = await seededDevice({ os_version: null, is_connected_to_vpn: true });
    const [release] = await os.getAvailableOsVersions(context.client, 'raspberrypi4-64', {
      $filter: { raw_version: '6.0.13' },
    });
    await context.client.pine.patch({
      resource: 'device',
      id: provisioning.id,
      body: { should_be_operated_by__release: release!.id },
    });
    await expect(
      device.waitForOsUpdate(context.client, provisioning.uuid, { pollIntervalMs: 5, timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it('gives up without sleeping past the deadline, and stops waiting when the signal aborts', async () => {
    const { uuid, simulation } = await simulatedDevice('balenaOS 6.0.10', { online: false });
    try {
      await device.pinToOsRelease(context.client, uuid, '6.0.13');
      // The next read would come after the deadline: the wait ends now rather than in ten minutes.
      await expect(
        device.waitForOsUpdate(context.client, uuid, { pollIntervalMs: 600_000, timeoutMs: 50 }),
      ).rejects.toEqual(new TimeoutError(`The OS update of ${uuid} did not finish within 50 ms`));
      const controller = new AbortController();
      const reason = new Error('the user stopped waiting');
      const stopped = await device
        .waitForOsUpdate(context.client, uuid, {
          pollIntervalMs: 600_000,
          // Aborted during the pause that follows the first read.
          onProgress: () => setTimeout(() => controller.abort(reason), 20),
          signal: controller.signal,
        })
        .catch((error: unknown) => error);
      expect(stopped).toBe(reason);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      await simulation.stop();
    }
  });
});

describe('the OS update checks on a device row', () => {
  it('spells the running version with its variant in the build, as balena compares them', () => {
    expect(osVersionWithVariant('balenaOS 6.0.10', 'prod')).toBe('6.0.10+prod');
    expect(osVersionWithVariant('balenaOS 2.88.4+rev2', 'dev')).toBe('2.88.4+rev2.dev');
    expect(osVersionWithVariant('balenaOS 2.88.4+rev2.prod', 'prod')).toBe('2.88.4+rev2.prod');
    expect(osVersionWithVariant('balenaOS 6.1.0-rc1', 'prod')).toBe('6.1.0-rc1+prod');
    expect(osVersionWithVariant('balenaOS 6.1.0-beta.2', 'dev')).toBe('6.1.0-beta.2+dev');
    expect(osVersionWithVariant('balenaOS 6.0.10', '')).toBe('6.0.10');
    expect(osVersionWithVariant('balenaOS next', 'prod')).toBeUndefined();
  });

  it('refuses a device row without its device type', () => {
    const uuid = 'a'.repeat(32);
    const row = { id: 1, uuid, os_version: 'balenaOS 6.0.10', os_variant: 'prod', is_of__device_type: [] };
    expect(() => checkOsUpdateTarget(row, { raw_version: '6.0.13', basedOnVersion: '6.0.13' }, 'start')).toThrow(
      new InvalidDeviceType(`The device type of the device is not available: ${uuid}`),
    );
  });
});
