import { type Client, DeviceNotWebAccessible, InvalidParameter } from '@balena-ts/core';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import { type DeviceSelector, updateDevices } from '../internal/device-batch.js';
import { dashboardUrl } from '../internal/urls.js';

// One `GET /config` per client and deployment: the device URL domain does not change at runtime.
const deviceUrlsBases = /* @__PURE__ */ new WeakMap<Client, Promise<string>>();

function deviceUrlsBase(client: Client): Promise<string> {
  if (client.config.deviceUrlsBase !== undefined) return Promise.resolve(client.config.deviceUrlsBase);
  let base = deviceUrlsBases.get(client);
  if (base === undefined) {
    base = client
      .request<{ deviceUrlsBase: string }>('/config', { auth: false })
      .then((config) => config.deviceUrlsBase);
    base.catch(() => deviceUrlsBases.delete(client));
    deviceUrlsBases.set(client, base);
  }
  return base;
}

/**
 * Builds the dashboard URL of a device, without a request.
 *
 * @param client - the client (for its `dashboardUrl`)
 * @param uuid - the device uuid
 * @returns `<dashboard>/devices/<uuid>/summary`
 * @throws {@link @balena-ts/core#InvalidParameter} when the uuid is not a non-empty string
 * @example
 * ```ts
 * getDashboardUrl(client, uuid); // 'https://dashboard.balena-cloud.com/devices/<uuid>/summary'
 * ```
 */
export function getDashboardUrl(client: Client, uuid: string): string {
  if (typeof uuid !== 'string' || uuid.trim() === '' || !/^[0-9a-f]+$/i.test(uuid)) {
    throw new InvalidParameter('uuid', uuid, 'expected a device uuid');
  }
  return dashboardUrl(client, `/devices/${uuid.toLowerCase()}/summary`);
}

/**
 * Gets the public URL of a device, `https://<uuid>.<deviceUrlsBase>`. The domain is the
 * `deviceUrlsBase` option, else the deployment's (`GET /config`, fetched once per client).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @returns the URL
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument, before any request
 * @throws {@link @balena-ts/core#DeviceNotWebAccessible} when the device's public URL is disabled
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * await enableDeviceUrl(client, uuid);
 * console.log(await getDeviceUrl(client, uuid));
 * ```
 */
export async function getDeviceUrl(client: Client, uuidOrId: DeviceIdentifier): Promise<string> {
  const row = await getDevice<{ uuid: string; is_web_accessible: boolean }>(client, uuidOrId, {
    $select: ['uuid', 'is_web_accessible'],
  });
  if (!row.is_web_accessible) throw new DeviceNotWebAccessible(`Device is not web accessible: ${uuidOrId}`);
  return `https://${row.uuid}.${await deviceUrlsBase(client)}`;
}

/**
 * Enables the public URL of one or many devices (one GET and one PATCH per 1,000 ids by default).
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, `[]`, a mixed array or a malformed element
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await enableDeviceUrl(client, [101, 102, 103]);
 * ```
 */
export function enableDeviceUrl(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  return updateDevices(client, uuidOrIdOrArray, { is_web_accessible: true });
}

/**
 * Disables the public URL of one or many devices.
 *
 * @param client - the client
 * @param uuidOrIdOrArray - an id, a full uuid, or an array of ids or of uuids
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, `[]`, a mixed array or a malformed element
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first device that does not exist
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await disableDeviceUrl(client, uuid);
 * ```
 */
export function disableDeviceUrl(client: Client, uuidOrIdOrArray: DeviceSelector): Promise<void> {
  return updateDevices(client, uuidOrIdOrArray, { is_web_accessible: false });
}
