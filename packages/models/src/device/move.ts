import { type Client, IncompatibleApplication } from '@balena-ts/core';
import { type ApplicationIdentifier, checkApplicationIdentifier, getApplication } from '../internal/application.js';
import { isArchitectureCompatible } from '../internal/architecture.js';
import {
  type DeviceSelector,
  parseDeviceSelector,
  patchDevicesById,
  prefetchDevices,
  writeDeviceBatch,
} from '../internal/device-batch.js';

interface WithArchitecture {
  readonly is_of__cpu_architecture: readonly { readonly slug: string }[];
}

const ARCHITECTURE_EXPAND = { $select: 'id', $expand: { is_of__cpu_architecture: { $select: 'slug' } } };

function architectureOf(rows: readonly WithArchitecture[]): string | undefined {
  return rows[0]?.is_of__cpu_architecture[0]?.slug;
}

/**
 * Moves one or many devices to another application, when their CPU architecture is compatible.
 * Costs one application lookup, one GET per chunk of devices and one PATCH per chunk.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param applicationSlugOrUuidOrIdOrName - the target application
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector or application argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the target application does not match
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @throws {@link @balena-ts/core#IncompatibleApplication} when a device's architecture does not fit the application
 * @throws PartialWriteError when a later chunk of a large array fails after earlier ones were moved
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await move(client, [101, 102], 'admin/production');
 * ```
 */
export async function move(
  client: Client,
  uuidOrIdOrArray: DeviceSelector,
  applicationSlugOrUuidOrIdOrName: ApplicationIdentifier,
): Promise<void> {
  const selection = parseDeviceSelector(uuidOrIdOrArray);
  // Both lookups start together: a malformed application must not send the device prefetch.
  checkApplicationIdentifier(applicationSlugOrUuidOrIdOrName);
  const [application, devices] = await Promise.all([
    getApplication<{ id: number; is_for__device_type: WithArchitecture[] }>(client, applicationSlugOrUuidOrIdOrName, {
      $select: 'id',
      $expand: { is_for__device_type: ARCHITECTURE_EXPAND },
    }),
    prefetchDevices<{ id: number; uuid: string; is_of__device_type: WithArchitecture[] }>(client, selection, {
      $expand: { is_of__device_type: ARCHITECTURE_EXPAND },
    }),
  ]);
  const applicationArchitecture = architectureOf(application.is_for__device_type);
  for (const device of devices) {
    const deviceArchitecture = architectureOf(device.is_of__device_type);
    if (
      applicationArchitecture !== undefined &&
      deviceArchitecture !== undefined &&
      !isArchitectureCompatible(applicationArchitecture, deviceArchitecture)
    ) {
      throw new IncompatibleApplication(
        `Incompatible application: ${String(applicationSlugOrUuidOrIdOrName)} (${applicationArchitecture}) cannot run device ${device.uuid} (${deviceArchitecture})`,
      );
    }
  }
  await writeDeviceBatch('device belongs_to__application', selection, devices, (progress) =>
    patchDevicesById(
      client,
      devices.map((device) => device.id),
      { belongs_to__application: application.id },
      progress,
    ),
  );
}
