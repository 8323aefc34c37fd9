import { type Client, InvalidParameter, isPositiveId, NotSupported, ReleaseNotFound } from '@balena-ts/core';
import {
  type DeviceSelector,
  parseDeviceSelector,
  patchDevicesById,
  prefetchDevices,
} from '../internal/device-batch.js';
import { compareOsVersions } from '../internal/os-version.js';
import { supervisorReleasesOf } from '../internal/supervisor-releases.js';

// Pinning a supervisor release needs the multi-container supervisor API and host OS.
const MINIMUM_SUPERVISOR_VERSION = '7.0.0';
const MINIMUM_OS_VERSION = '2.12.0';

interface DeviceVersions {
  id: number;
  uuid: string;
  supervisor_version: string | null;
  os_version: string | null;
  is_of__device_type: { is_of__cpu_architecture: { __id: number } }[];
}

function checkVersion(version: string | null, minimum: string, kind: 'supervisor' | 'host OS'): void {
  // balena reports `balenaOS 2.26.0+rev1`: compare the version, not the product name before it.
  const bare = version?.replace(/^[^\d]*/, '');
  if (version && bare && compareOsVersions(bare, minimum) < 0) {
    throw new NotSupported(`Incompatible ${kind} version: ${version} - must be >= ${minimum}`);
  }
}

function checkSupervisorRelease(value: string | number): void {
  if (typeof value === 'number') {
    if (isPositiveId(value)) return;
  } else if (typeof value === 'string' && value.trim() !== '') {
    return;
  }
  throw new InvalidParameter('supervisorVersionOrId', value, 'expected a supervisor version or a release id');
}

async function findSupervisorRelease(
  client: Client,
  cpuArchitectureId: number,
  supervisorVersionOrId: string | number,
): Promise<number> {
  const [release] = await client.pine.get<{ id: number }>({
    resource: 'release',
    options: {
      $top: 1,
      $select: 'id',
      $filter: {
        ...supervisorReleasesOf(cpuArchitectureId),
        [typeof supervisorVersionOrId === 'number' ? 'id' : 'raw_version']: supervisorVersionOrId,
      },
    },
  });
  if (release === undefined) throw new ReleaseNotFound(supervisorVersionOrId);
  return release.id;
}

/**
 * Makes one or many devices run a given supervisor release (`should_be_managed_by__release`): the
 * release of that version built for each device's CPU architecture.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param supervisorVersionOrId - a supervisor version (`'14.11.1'`) or the id of a supervisor release
 * @returns resolves once the API has applied the change
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector or release, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @throws {@link @balena-ts/core#NotSupported} when a device runs a supervisor older than 7.0.0 or balenaOS older than 2.12.0
 * @throws {@link @balena-ts/core#ReleaseNotFound} when no supervisor release of that version exists for a device's architecture
 * @example
 * ```ts
 * await pinToSupervisorRelease(client, uuid, '14.11.1');
 * ```
 */
export async function pinToSupervisorRelease(
  client: Client,
  uuidOrIdOrArray: DeviceSelector,
  supervisorVersionOrId: string | number,
): Promise<void> {
  const selection = parseDeviceSelector(uuidOrIdOrArray);
  checkSupervisorRelease(supervisorVersionOrId);
  const devices = await prefetchDevices<DeviceVersions>(client, selection, {
    $select: ['supervisor_version', 'os_version'],
    $expand: { is_of__device_type: { $select: 'is_of__cpu_architecture' } },
  });
  const byArchitecture = new Map<number, number[]>();
  for (const device of devices) {
    checkVersion(device.supervisor_version, MINIMUM_SUPERVISOR_VERSION, 'supervisor');
    checkVersion(device.os_version, MINIMUM_OS_VERSION, 'host OS');
    const architecture = device.is_of__device_type[0]?.is_of__cpu_architecture.__id as number;
    byArchitecture.set(architecture, [...(byArchitecture.get(architecture) ?? []), device.id]);
  }
  const releases = new Map<number, number>();
  for (const architecture of byArchitecture.keys()) {
    releases.set(architecture, await findSupervisorRelease(client, architecture, supervisorVersionOrId));
  }
  for (const [architecture, ids] of byArchitecture) {
    await patchDevicesById(client, ids, { should_be_managed_by__release: releases.get(architecture) });
  }
}
