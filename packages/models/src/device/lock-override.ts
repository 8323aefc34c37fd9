import type { Client } from '@balena-ts/core';
import { deviceConfigVariables } from '../dependent-resource/resources.js';
import { setValue } from '../dependent-resource/write.js';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';

/**
 * The config variable balena's JavaScript SDK sets to let the supervisor override update locks
 * ('1') or respect them ('0'); the supervisor also reads it under its `BALENA_SUPERVISOR_` names.
 */
export const LOCK_OVERRIDE_CONFIG_VARIABLE = 'RESIN_OVERRIDE_LOCK';

/**
 * Lets the device's supervisor override update locks (sets the device's `RESIN_OVERRIDE_LOCK`
 * config variable to `'1'`).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns resolves once the variable is set
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * await enableLockOverride(client, uuid);
 * ```
 */
export function enableLockOverride(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  return setValue(client, deviceConfigVariables, uuidOrId, LOCK_OVERRIDE_CONFIG_VARIABLE, '1');
}

/**
 * Makes the device's supervisor respect update locks again (sets `RESIN_OVERRIDE_LOCK` to `'0'`).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns resolves once the variable is set
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * await disableLockOverride(client, uuid);
 * ```
 */
export function disableLockOverride(client: Client, uuidOrId: DeviceIdentifier): Promise<void> {
  return setValue(client, deviceConfigVariables, uuidOrId, LOCK_OVERRIDE_CONFIG_VARIABLE, '0');
}

/**
 * Tells whether the device's supervisor overrides update locks: its own `RESIN_OVERRIDE_LOCK`
 * config variable, or else its fleet's, is `'1'` (one request).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns true when the lock override applies to the device
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * if (await hasLockOverride(client, uuid)) console.log('update locks are ignored');
 * ```
 */
export async function hasLockOverride(client: Client, uuidOrId: DeviceIdentifier): Promise<boolean> {
  const filter = { $select: 'value', $filter: { name: LOCK_OVERRIDE_CONFIG_VARIABLE } };
  const device = await getDevice<{
    device_config_variable: { value: string }[];
    belongs_to__application: { application_config_variable: { value: string }[] }[];
  }>(client, uuidOrId, {
    $select: 'id',
    $expand: {
      device_config_variable: filter,
      belongs_to__application: { $select: 'id', $expand: { application_config_variable: filter } },
    },
  });
  // The device's own value wins over its fleet's, as in the target state the supervisor receives.
  const value =
    device.device_config_variable[0]?.value ?? device.belongs_to__application[0]?.application_config_variable[0]?.value;
  return value === '1';
}
