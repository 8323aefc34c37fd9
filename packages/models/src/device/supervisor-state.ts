import { type Client, InvalidParameter } from '@balena-ts/core';
import * as supervisor from '@balena-ts/supervisor';
import { type ApplicationIdentifier, checkApplicationIdentifier, getApplication } from '../internal/application.js';
import { type DeviceIdentifier, deviceKey, getDevice } from '../internal/device.js';
import { supervisorTarget } from './supervisor-target.js';

/** The target state the API serves a device's supervisor: v2 (`local`/`dependent`) or v3 (keyed by uuid). */
export type SupervisorTargetState = Record<string, unknown>;

/**
 * Reads the state of a device as its supervisor reports it (`/v1/device` through the API's proxy).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the state: `status`, `commit`, `os_version`, `supervisor_version`, `ip_address`, `update_pending`...
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#DeviceOffline} when the device is offline
 * @example
 * ```ts
 * const { status, update_pending } = await getSupervisorState(client, uuid);
 * ```
 */
export async function getSupervisorState(
  client: Client,
  uuidOrId: DeviceIdentifier,
): Promise<supervisor.SupervisorDeviceState> {
  const { uuid, appId } = await supervisorTarget(client, uuidOrId);
  return supervisor.getDeviceState(client, appId, uuid);
}

/**
 * Reads the target state the API serves a device's supervisor (`GET /device/v<version>/<uuid>/state`):
 * what it should run, with its configuration.
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param version - the target-state version, 2 (the default) or 3
 * @returns the target state
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument or version, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const state = await getSupervisorTargetState(client, uuid, 3);
 * console.log(state[uuid]);
 * ```
 */
export async function getSupervisorTargetState(
  client: Client,
  uuidOrId: DeviceIdentifier,
  version: 2 | 3 = 2,
): Promise<SupervisorTargetState> {
  deviceKey(uuidOrId);
  if (version !== 2 && version !== 3) throw new InvalidParameter('version', version, 'expected 2 or 3');
  const { uuid } = await getDevice<{ uuid: string }>(client, uuidOrId, { $select: 'uuid' });
  return client.request<SupervisorTargetState>(`/device/v${version}/${uuid}/state`);
}

/**
 * Reads the v3 target state of a generic device of a fleet (`GET /device/v3/fleet/<uuid>/state`):
 * the fleet's configuration and the release its devices track, or the release given.
 *
 * @param client - the client
 * @param slugOrUuidOrId - the fleet: an id, a slug `org/name` or a uuid
 * @param release - the uuid (commit) of a successful release of the fleet; default the tracked one
 * @returns the target state, keyed by the fleet's uuid
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed fleet or release argument, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no fleet matches
 * @throws {@link @balena-ts/core#RequestError} 401 when the fleet has no successful release with that uuid
 * @example
 * ```ts
 * const state = await getSupervisorTargetStateForApp(client, 'myorg/myfleet');
 * ```
 */
export async function getSupervisorTargetStateForApp(
  client: Client,
  slugOrUuidOrId: ApplicationIdentifier,
  release?: string,
): Promise<SupervisorTargetState> {
  checkApplicationIdentifier(slugOrUuidOrId);
  if (release !== undefined && release !== null && (typeof release !== 'string' || release === '')) {
    throw new InvalidParameter('release', release, 'expected the uuid of a release');
  }
  const { uuid } = await getApplication<{ uuid: string }>(client, slugOrUuidOrId, { $select: 'uuid' });
  return client.request<SupervisorTargetState>(`/device/v3/fleet/${uuid}/state/`, {
    query: { releaseUuid: release ?? '' },
  });
}
