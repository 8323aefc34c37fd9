import type { Client } from '@balena-ts/core';
import { byUuid, callSupervisor, type SupervisorCall } from './internal/supervisor-call.js';
import type { ApplicationId, DeviceUuid, SupervisorDeviceState } from './types.js';

const DEVICE_STATE: SupervisorCall = {
  functionName: 'getDeviceState',
  path: '/v1/device',
  method: 'GET',
  proxyFilter: byUuid,
  lockable: false,
};

/**
 * Reads the device's state as its supervisor reports it, with the fields that control pending
 * and locked updates (the modern SDKs' `device.getSupervisorState`).
 *
 * @param client - the client
 * @param appId - the device's application; optional on the device itself
 * @param deviceUuid - the device; optional on the device itself
 * @returns the state: `status`, `commit`, `os_version`, `supervisor_version`, `update_pending`...
 * @throws {@link @balena-ts/core#InvalidOption} through the API's proxy without `deviceUuid` or `appId`
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is not online
 * @example
 * ```ts
 * const state = await getDeviceState(client, appId, uuid);
 * console.log(state.status, state.update_pending);
 * ```
 */
export async function getDeviceState(
  client: Client,
  appId?: ApplicationId,
  deviceUuid?: DeviceUuid,
): Promise<SupervisorDeviceState> {
  return callSupervisor<SupervisorDeviceState>(client, DEVICE_STATE, deviceUuid, appId);
}
