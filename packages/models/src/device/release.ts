import { type Client, parseReleaseIdentifier } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import {
  type DeviceSelector,
  parseDeviceSelector,
  patchDevicesById,
  prefetchDevices,
  updateDevices,
  writeDeviceBatch,
} from '../internal/device-batch.js';
import { findApplicationReleaseId } from '../internal/release.js';

/**
 * Pins one or many devices to a release of their application: they run it whatever the
 * application targets. Devices of several applications are grouped, one release lookup per application.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param fullReleaseHashOrId - the release's full commit hash, or its id
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector, an empty hash or a malformed id, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @throws {@link @balena-ts/core#ReleaseNotFound} when a device's application has no such successful release
 * @throws PartialWriteError when a later request fails after earlier ones pinned some of the devices
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await pinToRelease(client, uuid, '7dba4e0c461215374edad74a5b78f470');
 * ```
 */
export async function pinToRelease(
  client: Client,
  uuidOrIdOrArray: DeviceSelector,
  fullReleaseHashOrId: string | number,
): Promise<void> {
  parseReleaseIdentifier(fullReleaseHashOrId, 'fullReleaseHashOrId');
  const selection = parseDeviceSelector(uuidOrIdOrArray);
  const devices = await prefetchDevices<{ id: number; uuid: string; belongs_to__application: { __id: number } }>(
    client,
    selection,
    { $select: 'belongs_to__application' },
  );
  const byApplication = new Map<number, number[]>();
  for (const device of devices) {
    const applicationId = device.belongs_to__application.__id;
    byApplication.set(applicationId, [...(byApplication.get(applicationId) ?? []), device.id]);
  }
  const releases = new Map<number, number>();
  for (const applicationId of byApplication.keys()) {
    releases.set(applicationId, await findApplicationReleaseId(client, applicationId, fullReleaseHashOrId));
  }
  await writeDeviceBatch('device is_pinned_on__release', selection, devices, async (progress) => {
    for (const [applicationId, ids] of byApplication) {
      await patchDevicesById(client, ids, { is_pinned_on__release: releases.get(applicationId) }, progress);
    }
  });
}

/**
 * Makes one or many devices follow their application's target release again (un-pins them).
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await trackApplicationRelease(client, uuid);
 * ```
 */
export function trackApplicationRelease(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  return updateDevices(client, uuidOrIdOrArray, { is_pinned_on__release: null });
}

/**
 * The balena Python SDK's `set_to_release`: pins the device to a release, or with an empty commit makes it
 * follow its application again.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid (arrays work too)
 * @param commitId - a full commit hash, or `''` to un-pin
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when the device does not exist
 * @throws {@link @balena-ts/core#ReleaseNotFound} when the release does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await setToRelease(client, uuid, '45c90004de73557ded7274d4896a6db9');
 * await setToRelease(client, uuid, ''); // back to the application's release
 * ```
 */
export function setToRelease(client: Client, uuidOrId: DeviceSelector, commitId: string | number): Promise<void> {
  if (commitId === '' || commitId === undefined || commitId === null) return trackApplicationRelease(client, uuidOrId);
  return pinToRelease(client, uuidOrId, commitId);
}

/**
 * Tells whether a device follows its application's target release (is not pinned).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns true when not pinned
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const tracking = await isTrackingApplicationRelease(client, uuid);
 * ```
 */
export async function isTrackingApplicationRelease(client: Client, uuidOrId: DeviceIdentifier): Promise<boolean> {
  const row = await getDevice<{ is_pinned_on__release: unknown }>(client, uuidOrId, {
    $select: 'is_pinned_on__release',
  });
  return row.is_pinned_on__release === null;
}

/**
 * Gets the commit of the release a device should run (its pin, else its application's target).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the commit, or undefined when there is no target release
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const commit = await getTargetReleaseHash(client, uuid);
 * ```
 */
export async function getTargetReleaseHash(client: Client, uuidOrId: DeviceIdentifier): Promise<string | undefined> {
  const row = await getDevice<{ should_be_running__release: { commit: string }[] }>(client, uuidOrId, {
    $select: 'id',
    $expand: { should_be_running__release: { $select: 'commit' } },
  });
  return row.should_be_running__release[0]?.commit;
}
