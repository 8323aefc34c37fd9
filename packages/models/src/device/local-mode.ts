import { type Client, NotSupported } from '@balena-ts/core';
import { getValue } from '../dependent-resource/read.js';
import { deviceConfigVariables } from '../dependent-resource/resources.js';
import { setValue } from '../dependent-resource/write.js';
import { checkObjectArgument } from '../internal/argument-checks.js';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import { compareOsVersions } from '../internal/os-version.js';

/** The device config variable balena's supervisor reads to enter local mode ('1') or leave it ('0'). */
export const LOCAL_MODE_CONFIG_VARIABLE = 'RESIN_SUPERVISOR_LOCAL_MODE';

// Local mode arrived with balenaOS 2.0.0 and supervisor 4.0.0, on development images only.
const LOCAL_MODE_MINIMUM_OS_VERSION = '2.0.0';
const LOCAL_MODE_MINIMUM_SUPERVISOR_VERSION = '4.0.0';

/** The device fields {@link getLocalModeSupport} reads. */
export interface LocalModeDeviceFields {
  /** The balenaOS version, e.g. `balenaOS 6.0.13`. */
  readonly os_version: string | null;
  /** `prod` or `dev`. */
  readonly os_variant: string | null;
  /** The supervisor version. */
  readonly supervisor_version: string | null;
  /** When the device last reached the API. */
  readonly last_connectivity_event: string | null;
}

/** Whether a device supports local mode, and why not when it does not. */
export interface LocalModeSupport {
  /** True when local mode can be enabled. */
  readonly supported: boolean;
  /** `'Supported'`, or the reason it is not. */
  readonly message: string;
}

const SUPPORT_FIELDS = ['os_version', 'os_variant', 'supervisor_version', 'last_connectivity_event'];

// `balenaOS 2.26.0+rev1` → `2.26.0+rev1`: compare the version, not the product name before it.
function bareVersion(version: string): string {
  return version.replace(/^[^\d]*/, '');
}

function unsupportedReason(device: LocalModeDeviceFields): string | undefined {
  if (!device.supervisor_version || !device.last_connectivity_event) {
    return 'Device is not yet fully provisioned';
  }
  if (!device.os_version || compareOsVersions(bareVersion(device.os_version), LOCAL_MODE_MINIMUM_OS_VERSION) < 0) {
    return 'Device OS version does not support local mode';
  }
  if (compareOsVersions(bareVersion(device.supervisor_version), LOCAL_MODE_MINIMUM_SUPERVISOR_VERSION) < 0) {
    return 'Device supervisor version does not support local mode';
  }
  if (device.os_variant !== 'dev') return 'Local mode is only supported on development OS versions';
  return undefined;
}

/**
 * Tells whether a device supports local mode (provisioned, balenaOS 2.0.0 and supervisor 4.0.0 or
 * later, a development image), from a device row read before; makes no request.
 *
 * @param device - a device with `os_version`, `os_variant`, `supervisor_version` and `last_connectivity_event`
 * @returns `{ supported: true, message: 'Supported' }`, or `supported: false` with the reason
 * @throws {@link @balena-ts/core#InvalidParameter} when `device` is not an object
 * @example
 * ```ts
 * const row = await get(client, uuid, { $select: ['os_version', 'os_variant', 'supervisor_version', 'last_connectivity_event'] });
 * const { supported, message } = getLocalModeSupport(row);
 * ```
 */
export function getLocalModeSupport(device: LocalModeDeviceFields): LocalModeSupport {
  checkObjectArgument('device', device, 'expected a device with its OS and supervisor fields');
  const reason = unsupportedReason(device);
  return reason === undefined ? { supported: true, message: 'Supported' } : { supported: false, message: reason };
}

/**
 * Enables local mode on a device (sets its `RESIN_SUPERVISOR_LOCAL_MODE` config variable to `'1'`),
 * after checking that the device supports it.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns resolves once the variable is set
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#NotSupported} when the device does not support local mode (the reason is the message)
 * @example
 * ```ts
 * await enableLocalMode(client, uuid);
 * ```
 */
export async function enableLocalMode(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  const device = await getDevice<LocalModeDeviceFields & { id: number }>(client, uuidOrId, {
    $select: ['id', ...SUPPORT_FIELDS],
  });
  const reason = unsupportedReason(device);
  if (reason !== undefined) throw new NotSupported(reason);
  await setValue(client, deviceConfigVariables, device.id, LOCAL_MODE_CONFIG_VARIABLE, '1');
}

/**
 * Disables local mode on a device (sets `RESIN_SUPERVISOR_LOCAL_MODE` to `'0'`).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns resolves once the variable is set
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * await disableLocalMode(client, uuid);
 * ```
 */
export function disableLocalMode(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  return setValue(client, deviceConfigVariables, uuidOrId, LOCAL_MODE_CONFIG_VARIABLE, '0');
}

/**
 * Tells whether local mode is enabled on a device (its `RESIN_SUPERVISOR_LOCAL_MODE` is `'1'`).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns true when enabled
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * if (await isInLocalMode(client, uuid)) console.log('local mode');
 * ```
 */
export async function isInLocalMode(client: Client, uuidOrId: DeviceIdentifier): Promise<boolean> {
  return (await getValue(client, deviceConfigVariables, uuidOrId, LOCAL_MODE_CONFIG_VARIABLE)) === '1';
}
