import { type Client, DeviceOffline, InvalidParameter, isPositiveId, ReleaseNotFound } from '@balena-ts/core';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import {
  type DeviceSelector,
  parseDeviceSelector,
  patchDevicesById,
  prefetchDevices,
} from '../internal/device-batch.js';
import { compareOsVersions, parseOsVersion } from '../internal/os-version.js';
import { getAvailableOsVersions, type OsVersion } from '../os/os-versions.js';
import { checkOsUpdateTarget, type OsUpdateDevice } from './target.js';

/** What a started host OS update answers (the shape of balena's device actions API). */
export interface OsUpdateActionResult {
  /** `triggered` once the device has its new target OS release. */
  readonly status: 'idle' | 'in_progress' | 'done' | 'error' | 'configuring' | 'triggered' | 'pinned';
  /** The OS version the device updates to. */
  readonly parameters: { readonly target_version: string };
  /** What went wrong, for `error`. */
  readonly error?: string;
}

/** Options of `startOsUpdate`. */
export interface StartOsUpdateOptions {
  /** Accepted for the official SDK's signature: updates always run detached on the device. */
  readonly runDetached?: boolean;
}

type Device = OsUpdateDevice & { readonly is_connected_to_vpn: boolean };

const DEVICE_OPTIONS = {
  $select: ['os_version', 'os_variant', 'is_connected_to_vpn'],
  $expand: { is_of__device_type: { $select: 'slug' } },
};

function groupByDeviceType(devices: readonly Device[]): Map<string, Device[]> {
  const groups = new Map<string, Device[]>();
  for (const device of devices) {
    // Stryker disable next-line StringLiteral: a device always has its device type, so the fallback is never read
    const slug = device.is_of__device_type[0]?.slug ?? '';
    groups.set(slug, [...(groups.get(slug) ?? []), device]);
  }
  return groups;
}

function isDraft(version: string): boolean {
  return (parseOsVersion(version)?.prerelease.length ?? 0) > 0;
}

/**
 * Starts a host OS update on one or many devices: after balena's checks, each device gets the
 * target OS release (`should_be_operated_by__release`) and updates itself, reporting its progress
 * in `status`, `provisioning_state` and `provisioning_progress`, rebooting, and coming back with the
 * new `os_version`. Follow it with {@link waitForOsUpdate}.
 *
 * @param client - the client
 * @param uuidOrUuids - a full device uuid, or an array of them
 * @param targetOsVersion - the exact version to update to (`6.0.13`), as `os.getSupportedOsUpdateVersions` lists it
 * @param options - `runDetached` (accepted, updates always run detached)
 * @returns the action result of a uuid, or a dictionary by uuid for an array
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed uuid or an empty version, before any request, or
 * for a version the device type does not have
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @throws {@link @balena-ts/core#OsUpdateNotSupported} when balena refuses the update (a downgrade, the same version,
 * development to production, no OS version reported yet), with balena's reason
 * @throws {@link @balena-ts/core#DeviceOffline} when a device is not connected
 * @example
 * ```ts
 * await startOsUpdate(client, uuid, '6.0.13');
 * const device = await waitForOsUpdate(client, uuid, { onProgress: (p) => console.log(p.state, p.percentage) });
 * ```
 */
export async function startOsUpdate(
  client: Client,
  uuidOrUuids: string,
  targetOsVersion: string,
  options?: StartOsUpdateOptions,
): Promise<OsUpdateActionResult>;
/**
 * Starts a host OS update on several devices (see the single-device form).
 *
 * @param client - the client
 * @param uuidOrUuids - full device uuids
 * @param targetOsVersion - the exact version to update to
 * @param options - `runDetached` (accepted, updates always run detached)
 * @returns the action results by uuid
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed uuid or an empty version, before any request
 * @throws {@link @balena-ts/core#OsUpdateNotSupported} when balena refuses the update of any device
 * @throws {@link @balena-ts/core#DeviceOffline} when a device is not connected
 * @example
 * ```ts
 * const results = await startOsUpdate(client, [first, second], '6.0.13');
 * ```
 */
export async function startOsUpdate(
  client: Client,
  uuidOrUuids: readonly string[],
  targetOsVersion: string,
  options?: StartOsUpdateOptions,
): Promise<Record<string, OsUpdateActionResult>>;
export async function startOsUpdate(
  client: Client,
  uuidOrUuids: string | readonly string[],
  targetOsVersion: string,
  options: StartOsUpdateOptions = {},
): Promise<OsUpdateActionResult | Record<string, OsUpdateActionResult>> {
  const selection = parseDeviceSelector(uuidOrUuids, 'uuidOrUuids');
  if (selection.kind !== 'uuid') throw new InvalidParameter('uuidOrUuids', uuidOrUuids, 'expected full device uuids');
  checkText('targetOsVersion', targetOsVersion, 'expected an exact balenaOS version');
  checkObjectArgument('options', options, 'expected an object');
  const devices = await prefetchDevices<Device>(client, selection, DEVICE_OPTIONS);
  const results: Record<string, OsUpdateActionResult> = {};
  for (const [slug, group] of groupByDeviceType(devices)) {
    const available = await getAvailableOsVersions(client, slug, undefined, { includeDraft: isDraft(targetOsVersion) });
    const target = available.find((version) => compareOsVersions(version.raw_version, targetOsVersion) === 0);
    if (target === undefined) {
      throw new InvalidParameter('targetOsVersion', targetOsVersion, `no such OS release for ${slug}`);
    }
    for (const device of group) {
      checkOsUpdateTarget(device, target, 'start');
      if (!device.is_connected_to_vpn) throw new DeviceOffline(`The device is offline: ${device.uuid}`);
    }
    await patchDevicesById(
      client,
      group.map((device) => device.id),
      { should_be_operated_by__release: target.id },
    );
    for (const device of group) {
      results[device.uuid] = { status: 'triggered', parameters: { target_version: target.raw_version } };
    }
  }
  if (typeof uuidOrUuids === 'string') return results[devices[0]!.uuid]!;
  return results;
}

function findOsRelease(available: readonly OsVersion[], osVersionOrId: string | number): OsVersion {
  const found = available.find((version) => version.id === osVersionOrId || version.raw_version === osVersionOrId);
  if (found === undefined) throw new ReleaseNotFound(osVersionOrId);
  return found;
}

/**
 * Sets the OS release one or many devices should run (`should_be_operated_by__release`), after
 * balena's checks; a pin back to the running version is allowed. Simulated devices that are online
 * start updating at once.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @param osVersionOrId - the OS release's exact `raw_version`, or its id
 * @returns resolves once the API has applied the change
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector or version, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @throws {@link @balena-ts/core#ReleaseNotFound} when the device type has no such OS release
 * @throws {@link @balena-ts/core#OsUpdateNotSupported} when balena refuses the update, with balena's reason
 * @example
 * ```ts
 * await pinToOsRelease(client, uuid, '6.0.13');
 * ```
 */
export async function pinToOsRelease(
  client: Client,
  uuidOrIdOrArray: DeviceSelector,
  osVersionOrId: string | number,
): Promise<void> {
  const selection = parseDeviceSelector(uuidOrIdOrArray);
  const isId = typeof osVersionOrId === 'number';
  if (isId ? !isPositiveId(osVersionOrId) : typeof osVersionOrId !== 'string' || osVersionOrId.trim() === '') {
    throw new InvalidParameter('osVersionOrId', osVersionOrId, 'expected an OS release version or id');
  }
  const includeDraft = isId || isDraft(osVersionOrId);
  const devices = await prefetchDevices<Device>(client, selection, DEVICE_OPTIONS);
  for (const [slug, group] of groupByDeviceType(devices)) {
    const target = findOsRelease(
      await getAvailableOsVersions(client, slug, undefined, { includeDraft }),
      osVersionOrId,
    );
    for (const device of group) checkOsUpdateTarget(device, target, 'pin');
    await patchDevicesById(
      client,
      group.map((device) => device.id),
      { should_be_operated_by__release: target.id },
    );
  }
}
