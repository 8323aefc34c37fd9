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
      '2021.07.1.prod',
      '2021.07.1.dev',
      '2020.04.0.prod',
      '2020.04.0.dev',
      '6.0.13',
      '6.0.10',
      '5.3.20',
      '5.1.20+rev1',
      '2.115.3+rev1',
      ...['2.88.4+rev2', '2.54.2+rev1', '2.48.0+rev1', '2.29.2+rev1', '2.29.0+rev1', '2.26.0+rev1'].flatMap(
        (version) => [`${version}.prod`, `${version}.dev`],
      ),
      ...['2.15.1+rev1', '2.9.6+rev1', '2.0.6+rev3'].flatMap((version) => [`${version}.prod`, `${version}.dev`]),
    ]);
    const byVersion = new Map(versions.map((version) => [version.raw_version, version]));
    expect(byVersion.get('2025.1.1')).toMatchObject({ osType: 'esr', line: 'next', basedOnVersion: '6.0.13' });
    expect(byVersion.get('2024.7.2')).toMatchObject({ osType: 'esr', line: 'current', basedOnVersion: '5.3.20' });
    expect(byVersion.get('2024.1.3')).toMatchObject({ osType: 'esr', line: 'sunset' });
    // A line no esr tag names is outdated; its version and variant come from the release's tags.
    expect(byVersion.get('2021.07.1.prod')).toMatchObject({
      osType: 'esr',
      line: 'outdated',
      strippedVersion: '2021.07.1',
      variant: 'prod',
      basedOnVersion: '2.54.2',
    });
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
    expect(releases.map((release) => release.raw_version)).toEqual([
      '17.1.1',
      '17.0.0',
      '16.4.6',
      '14.11.8',
      '12.11.0',
      '11.12.4',
      '11.12.3',
    ]);
    const [one] = await os.getSupervisorReleasesForCpuArchitecture(context.client, 'amd64', {
      $filter: { raw_version: '16.4.6' },
      $select: 'raw_version',
    });
    expect(one).toMatchObject({ raw_version: '16.4.6' });
    const [architecture] = await context.client.pine.get<{ id: number }>({
      resource: 'cpu_architecture',
      options: { $filter: { slug: 'rpi' }, $select: 'id' },
    });
    expect(await os.getSupervisorReleasesForCpuArchitecture(context.client, architecture!.id)).toHaveLength(7);
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

/** The id of a balenaOS host application (`generic-amd64`, `generic-amd64-esr`), to add releases to. */
async function hostApplicationId(name: string): Promise<number> {
  const [host] = await context.client.pine.get<{ id: number }>({
    resource: 'application',
    options: { $filter: { is_host: true, app_name: name }, $select: 'id' },
  });
  if (host === undefined) throw new Error(`no host application ${name}`);
  return host.id;
}

let joinedSandbox: unknown;
/** Makes the test user a member of the organization that publishes balenaOS, as balena's release managers are. */
async function joinHostOrganization(hostApplication: number): Promise<void> {
  if (joinedSandbox === context.sandbox) return;
  joinedSandbox = context.sandbox;
  const host = await context.client.pine.get<{ organization: { __id: number } }>({
    resource: 'application',
    id: hostApplication,
    options: { $select: 'organization' },
  });
  await context.sandbox.addMembership({
    user: context.sandbox.superuser.id,
    organization: host!.organization.__id,
    role: 'administrator',
  });
}

async function tagRelease(release: number, tags: Record<string, string>): Promise<void> {
  for (const [tag_key, value] of Object.entries(tags)) {
    await context.client.pine.post({ resource: 'release_tag', body: { release, tag_key, value } });
  }
}

// generic-amd64 is used by no other test of this file: the releases added here change its catalogue.
describe('os versions balena published before semver fields, and support lines', () => {
  it('reads the version and variant of a 0.0.0 release from its tags, and skips one without them', async () => {
    const host = await hostApplicationId('generic-amd64');
    await joinHostOrganization(host);
    // balena's releases from before semver fields are 0.0.0 (a second one 0.0.0+rev1), tagged with their version.
    const production = await context.sandbox.seedRelease({ application: host, semver: '0.0.0' });
    await tagRelease(production.id, { version: '2.29.2+rev1', variant: 'production' });
    const development = await context.sandbox.seedRelease({ application: host, semver: '0.0.0' });
    await tagRelease(development.id, { version: '2.29.2+rev1', variant: 'development' });
    const unified = await context.sandbox.seedRelease({ application: host, semver: '0.0.0' });
    await tagRelease(unified.id, { version: '2.30.0' });
    await context.sandbox.seedRelease({ application: host, semver: '0.0.0' });
    // Only the default host application: generic-amd64-esr has 0.0.0 releases of its own.
    const versions = await os.getAvailableOsVersions(context.client, 'generic-amd64', {
      $filter: { semver_major: 0, belongs_to__application: host },
    });
    expect(
      versions.map(({ id, raw_version, variant, strippedVersion }) => ({ id, raw_version, variant, strippedVersion })),
    ).toEqual([
      { id: unified.id, raw_version: '2.30.0', variant: '', strippedVersion: '2.30.0' },
      { id: production.id, raw_version: '2.29.2+rev1.prod', variant: 'prod', strippedVersion: '2.29.2+rev1' },
      { id: development.id, raw_version: '2.29.2+rev1.dev', variant: 'dev', strippedVersion: '2.29.2+rev1' },
    ]);
  });

  it('takes the line from the release phase, and calls outdated an ESR release no esr tag covers', async () => {
    const host = await hostApplicationId('generic-amd64');
    await joinHostOrganization(host);
    const current = await context.sandbox.seedRelease({ application: host, semver: '6.0.20' });
    await context.client.pine.patch({ resource: 'release', id: current.id, body: { phase: 'current' } });
    const esrHost = await hostApplicationId('generic-amd64-esr');
    const old = await context.sandbox.seedRelease({ application: esrHost, semver: '2023.1.0' });
    const versions = await os.getAvailableOsVersions(context.client, 'generic-amd64');
    const byId = new Map(versions.map((version) => [version.id, version]));
    expect(byId.get(current.id)).toMatchObject({ raw_version: '6.0.20', osType: 'default', line: 'current' });
    expect(byId.get(old.id)).toMatchObject({ raw_version: '2023.1.0', osType: 'esr', line: 'outdated' });
  });
});

describe('os argument checks name the parameter and the reason', () => {
  it('for the device types and the extra options of the version lists', async () => {
    context.recorder.reset();
    await expect(os.getAvailableOsVersions(context.client, [] as never)).rejects.toEqual(
      new InvalidParameter('deviceTypes', [], 'expected a device type slug or a non-empty array of them'),
    );
    for (const bad of [[42], '  ', ['raspberrypi3', ' ']] as unknown[]) {
      await expect(os.getAllOsVersions(context.client, bad as string)).rejects.toEqual(
        new InvalidParameter('deviceTypes', bad, 'expected device type slugs'),
      );
    }
    await expect(os.getAvailableOsVersions(context.client, 'raspberrypi3', undefined, 5 as never)).rejects.toEqual(
      new InvalidParameter('extraOptions', 5, 'expected an object'),
    );
    expect(context.recorder.requests).toHaveLength(0);
  });

  it('for versions, ranges, release policies and options of the update functions', async () => {
    context.recorder.reset();
    const client = context.client;
    const noVersion = (name: string) => new InvalidParameter(name, '', 'expected a balenaOS version');
    await expect(os.getOsUpdateType(client, 'raspberrypi3', '', '6.0.13')).rejects.toEqual(noVersion('currentVersion'));
    await expect(os.getOsUpdateType(client, 'raspberrypi3', '6.0.10', '')).rejects.toEqual(noVersion('targetVersion'));
    await expect(os.isSupportedOsUpdate(client, 'raspberrypi3', '', '6.0.13')).rejects.toEqual(
      noVersion('currentVersion'),
    );
    await expect(os.isSupportedOsUpdate(client, 'raspberrypi3', '6.0.10', '')).rejects.toEqual(
      noVersion('targetVersion'),
    );
    await expect(os.getDownloadSize(client, 'raspberrypi3', '')).rejects.toEqual(
      new InvalidParameter('version', '', "expected an OS version or 'latest'"),
    );
    await expect(os.getMaxSatisfyingVersion(client, 'raspberrypi3', ' ')).rejects.toEqual(
      new InvalidParameter('versionOrRange', ' ', "expected a version, a semver range or 'latest'"),
    );
    await expect(os.getMaxSatisfyingVersion(client, 'raspberrypi3', 'latest', 'lts' as never)).rejects.toEqual(
      new InvalidParameter('osType', 'lts', "expected 'default', 'esr' or null"),
    );
    await expect(os.getSupportedOsUpdateVersions(client, 'raspberrypi3', 'banana')).rejects.toEqual(
      new InvalidParameter('currentVersion', 'banana', 'expected a balenaOS version'),
    );
    await expect(os.getSupportedOsUpdateVersions(client, 'raspberrypi3', '6.0.10', 5 as never)).rejects.toEqual(
      new InvalidParameter('options', 5, 'expected an object'),
    );
    await expect(os.getSupervisorReleasesForCpuArchitecture(client, ' ')).rejects.toEqual(
      new InvalidParameter('cpuArchitectureSlugOrId', ' ', 'expected a CPU architecture slug or id'),
    );
    expect(context.recorder.requests).toHaveLength(0);
  });
});

describe('os update targets: null release policy, drafts and the recommended version', () => {
  it('takes a null release policy as every policy', async () => {
    expect(await os.getMaxSatisfyingVersion(context.client, 'raspberrypi4-64', 'latest', null as never)).toBe(
      '2025.1.1',
    );
    const all = await os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', '6.0.10', { osType: null });
    expect(all.versions).toEqual(['2025.1.1', '6.0.13']);
  });

  it('lists drafts on request, and recommends the newest version that is not a pre-release', async () => {
    const targets = await os.getSupportedOsUpdateVersions(context.client, 'raspberrypi4-64', '6.0.10', {
      osType: 'default',
      includeDraft: true,
    });
    expect(targets.versions).toEqual([expect.stringMatching(/^6\.1\.0-\d+$/), '6.0.13']);
    expect(targets.recommended).toBe('6.0.13');
  });
});

describe('os.getSupervisorReleasesForCpuArchitecture: order and fields', () => {
  it('orders by version then revision, leaves out 0.0.0 releases, and selects the documented fields', async () => {
    const [fleet] = await context.client.pine.get<{ id: number }>({
      resource: 'application',
      options: { $filter: { is_public: true, app_name: 'amd64-supervisor' }, $select: 'id' },
    });
    for (const semver of ['17.1.1', '17.1.0', '17.1.0', '17.0.5', '0.0.0']) {
      await context.sandbox.seedRelease({ application: fleet!.id, semver });
    }
    const releases = await os.getSupervisorReleasesForCpuArchitecture(context.client, 'amd64');
    expect(releases.map((release) => release.raw_version)).toEqual([
      '17.1.1+rev1',
      '17.1.1',
      '17.1.0+rev1',
      '17.1.0',
      '17.0.5',
      '17.0.0',
      '16.4.6',
      '14.11.8',
      '12.11.0',
      '11.12.4',
      '11.12.3',
    ]);
    expect(Object.keys(releases[0]!).sort()).toEqual(['id', 'known_issue_list', 'raw_version']);
    expect(releases[0]!.id).toEqual(expect.any(Number));
  });
});
