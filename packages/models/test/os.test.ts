import { createClient, InvalidDeviceType, InvalidParameter, OsUpdateNotSupported, RequestError } from '@balena-ts/core';
import * as deviceOs from '@balena-ts/models/device-os';
import * as os from '@balena-ts/models/os';
import { describe, expect, it } from 'vitest';
import { useTestContext } from './helpers/sandbox.js';

const context = useTestContext();

describe('os.getAllOsVersions and os.getAvailableOsVersions', () => {
  it('lists the default and ESR lines newest first, with variants, lines and base versions', async () => {
    const versions = await os.getAvailableOsVersions(context.client, 'raspberrypi4-64');
    expect(versions.map((version) => version.raw_version)).toEqual([
      '2025.1.1',
      '2025.1.0',
      '2024.7.2',
      '2024.7.0',
      '2024.1.3',
      '6.0.13',
      '6.0.10',
      '5.3.20',
      '2.115.3+rev1',
      '2.88.4+rev2.prod',
      '2.88.4+rev2.dev',
    ]);
    const byVersion = new Map(versions.map((version) => [version.raw_version, version]));
    expect(byVersion.get('2025.1.1')).toMatchObject({ osType: 'esr', line: 'next', basedOnVersion: '6.0.13' });
    expect(byVersion.get('2024.7.2')).toMatchObject({ osType: 'esr', line: 'current', basedOnVersion: '5.3.20' });
    expect(byVersion.get('2024.1.3')).toMatchObject({ osType: 'esr', line: 'sunset' });
    expect(byVersion.get('6.0.13')).toMatchObject({ osType: 'default', line: undefined, variant: '' });
    expect(byVersion.get('2.115.3+rev1')).toMatchObject({ line: 'outdated', strippedVersion: '2.115.3+rev1' });
    expect(byVersion.get('2.88.4+rev2.dev')).toMatchObject({ variant: 'dev', strippedVersion: '2.88.4+rev2' });
  });

  it('includes drafts on request, and getAllOsVersions also the invalidated ones', async () => {
    const withDrafts = await os.getAvailableOsVersions(context.client, 'raspberrypi3', undefined, {
      includeDraft: true,
    });
    expect(withDrafts.find((version) => version.osType === 'default')?.raw_version).toMatch(/^6\.1\.0-\d+$/);
    const all = await os.getAllOsVersions(context.client, 'raspberrypi3');
    expect(all.map((version) => version.raw_version)).toContain('5.2.8');
    expect(withDrafts.map((version) => version.raw_version)).not.toContain('5.2.8');
    const filtered = await os.getAllOsVersions(context.client, 'raspberrypi3', { $filter: { is_invalidated: false } });
    expect(filtered.map((version) => version.raw_version)).not.toContain('5.2.8');
  });

  it('answers a dictionary by slug for an array, without ESR for device types that lack it', async () => {
    const byType = await os.getAvailableOsVersions(context.client, ['raspberrypi5', 'intel-nuc']);
    expect(Object.keys(byType).sort()).toEqual(['intel-nuc', 'raspberrypi5']);
    expect(byType['raspberrypi5']?.every((version) => version.osType === 'default')).toBe(true);
    expect(byType['intel-nuc']?.some((version) => version.osType === 'esr')).toBe(true);
    expect(await os.getAvailableOsVersions(context.client, 'no-such-type')).toEqual([]);
  });

  it('works without a login (host applications are public)', async () => {
    const guest = createClient({ apiUrl: context.sandbox.url });
    expect((await os.getAvailableOsVersions(guest, 'raspberrypi3')).length).toBeGreaterThan(5);
  });

  it('refuses bad arguments before any request', async () => {
    context.recorder.requests.length = 0;
    for (const bad of ['', [], [''], 42, null] as unknown[]) {
      await expect(os.getAvailableOsVersions(context.client, bad as string)).rejects.toBeInstanceOf(InvalidParameter);
      await expect(os.getAllOsVersions(context.client, bad as string)).rejects.toBeInstanceOf(InvalidParameter);
    }
    await expect(os.getAllOsVersions(context.client, 'raspberrypi3', 5 as never)).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('os.getMaxSatisfyingVersion', () => {
  it('resolves latest, ranges and exact versions, per release policy', async () => {
    const client = context.client;
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64', 'latest', 'default')).toBe('6.0.13');
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64', 'latest', 'esr')).toBe('2025.1.1');
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64')).toBe('2025.1.1');
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64', '^5.0.0')).toBe('5.3.20');
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64', '~6.0.0')).toBe('6.0.13');
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64', '2.88.4+rev2.dev')).toBe('2.88.4+rev2.dev');
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi4-64', '^9.0.0')).toBeNull();
    // An alias is normalised to its device type.
    expect(await os.getMaxSatisfyingVersion(client, 'raspberrypi', 'latest')).toBe('6.0.13');
  });

  it('raises InvalidDeviceType for an unknown device type and InvalidParameter for bad input', async () => {
    await expect(os.getMaxSatisfyingVersion(context.client, 'no-such-type')).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(os.getMaxSatisfyingVersion(context.client, 'raspberrypi3', '')).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(
      os.getMaxSatisfyingVersion(context.client, 'raspberrypi3', 'latest', 'lts' as never),
    ).rejects.toBeInstanceOf(InvalidParameter);
  });
});

describe('os update rules', () => {
  it('tells supported updates and their type from unsupported ones', async () => {
    const client = context.client;
    expect(await os.getOsUpdateType(client, 'raspberrypi4-64', '6.0.10', '6.0.13')).toBe('balenahup');
    expect(await os.isSupportedOsUpdate(client, 'raspberrypi4-64', '5.3.20', '6.0.13')).toBe(true);
    expect(await os.isSupportedOsUpdate(client, 'raspberrypi4-64', '6.0.13', '6.0.10')).toBe(false);
    expect(await os.isSupportedOsUpdate(client, 'raspberrypi4-64', '2.88.4+rev2.dev', '2.115.3+rev1.prod')).toBe(false);
    await expect(os.getOsUpdateType(client, 'raspberrypi4-64', '6.0.13', '6.0.10')).rejects.toThrow(
      new OsUpdateNotSupported('OS downgrades are not allowed'),
    );
    await expect(os.getOsUpdateType(client, 'raspberrypi4-64', '6.0.13', '6.0.13')).rejects.toThrow(
      'Current OS version matches Target OS version',
    );
    await expect(os.getOsUpdateType(client, 'raspberrypi4-64', '2.12.0', '6.0.13')).rejects.toThrow(
      'Current OS version must be >= 2.14.0+rev1',
    );
    await expect(os.getOsUpdateType(client, 'raspberrypi4-64', 'not-a-version', '6.0.13')).rejects.toThrow(
      'Invalid current balenaOS version',
    );
  });

  it('raises InvalidDeviceType and InvalidParameter', async () => {
    await expect(os.isSupportedOsUpdate(context.client, 'no-such-type', '6.0.10', '6.0.13')).rejects.toBeInstanceOf(
      InvalidDeviceType,
    );
    await expect(os.getOsUpdateType(context.client, 'raspberrypi3', '', '6.0.13')).rejects.toBeInstanceOf(
      InvalidParameter,
    );
  });

  it('lists the update targets of a running version', async () => {
    const fromDefault = await os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', '6.0.10');
    // 2025.1.0 is built on 6.0.10 itself and 2024.x on older bases: only newer bases are offered.
    expect(fromDefault).toEqual({ versions: ['2025.1.1', '6.0.13'], recommended: '2025.1.1', current: '6.0.10' });
    const defaultOnly = await os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', '6.0.10', {
      osType: 'default',
    });
    expect(defaultOnly.versions).toEqual(['6.0.13']);
    const fromEsr = await os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', '2024.7.0');
    expect(fromEsr.versions).toEqual(['2025.1.1', '2025.1.0', '2024.7.2']);
    const unlisted = await os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', '6.0.11');
    expect(unlisted.current).toBeUndefined();
    await expect(os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', 'banana')).rejects.toBeInstanceOf(
      InvalidParameter,
    );
    await expect(os.getSupportedOsUpdateVersions(context.client, 'nope', '6.0.10')).rejects.toBeInstanceOf(
      InvalidDeviceType,
    );
  });
});

describe('os.getDownloadSize, os.isArchitectureCompatibleWith', () => {
  it('reports the image size, 404 for an unknown version', async () => {
    expect(await os.getDownloadSize(context.client, 'raspberrypi4-64', '6.0.13')).toBe(4 * 1024 * 1024);
    expect(await os.getDownloadSize(context.client, 'raspberrypi4-64')).toBe(4 * 1024 * 1024);
    await expect(os.getDownloadSize(context.client, 'raspberrypi4-64', '1.0.0')).rejects.toBeInstanceOf(RequestError);
    await expect(os.getDownloadSize(context.client, 'no-such-type')).rejects.toBeInstanceOf(InvalidDeviceType);
    await expect(os.getDownloadSize(context.client, 'raspberrypi3', '')).rejects.toBeInstanceOf(InvalidParameter);
  });

  it('follows balena architecture compatibility', () => {
    expect(os.isArchitectureCompatibleWith('aarch64', 'armv7hf')).toBe(true);
    expect(os.isArchitectureCompatibleWith('armv7hf', 'rpi')).toBe(true);
    expect(os.isArchitectureCompatibleWith('armv7hf', 'aarch64')).toBe(false);
    expect(os.isArchitectureCompatibleWith('armv7hf', 'amd64')).toBe(false);
    expect(() => os.isArchitectureCompatibleWith(3 as never, 'rpi')).toThrow(InvalidParameter);
  });
});

describe('os.getSupervisorReleasesForCpuArchitecture', () => {
  it('lists the valid supervisor releases of an architecture, newest first', async () => {
    const releases = await os.getSupervisorReleasesForCpuArchitecture(context.client, 'aarch64');
    expect(releases.map((release) => release.raw_version)).toEqual(['17.1.1', '17.0.0', '16.4.6', '14.11.8']);
    const [one] = await os.getSupervisorReleasesForCpuArchitecture(context.client, 'amd64', {
      $filter: { raw_version: '16.4.6' },
      $select: 'raw_version',
    });
    expect(one).toMatchObject({ raw_version: '16.4.6' });
    const [architecture] = await context.client.pine.get<{ id: number }>({
      resource: 'cpu_architecture',
      options: { $filter: { slug: 'rpi' }, $select: 'id' },
    });
    expect(await os.getSupervisorReleasesForCpuArchitecture(context.client, architecture!.id)).toHaveLength(4);
    expect(await os.getSupervisorReleasesForCpuArchitecture(context.client, 'sparc')).toEqual([]);
  });

  it('refuses bad input before any request', async () => {
    context.recorder.requests.length = 0;
    for (const bad of ['', 0, -1, 1.5, null] as unknown[]) {
      await expect(os.getSupervisorReleasesForCpuArchitecture(context.client, bad as string)).rejects.toBeInstanceOf(
        InvalidParameter,
      );
    }
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('os and device-os share one implementation', () => {
  it('exports the same download and getConfig', () => {
    expect(os.download).toBe(deviceOs.download);
    expect(os.getConfig).toBe(deviceOs.getConfig);
    expect(os.parseParams).toBe(deviceOs.parseParams);
  });
});
