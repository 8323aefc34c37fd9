import type { Client } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import { type DeviceIdentifier, getDevice } from '../internal/device.js';
import { getRowsOf } from '../internal/rows.js';
import type { ApiKey } from '../types/api-key.js';
import type { Selected, TypedOptions } from '../types/options.js';
import { API_KEY, API_KEYS_BY_NAME } from './api-key-rows.js';

type ActorLink = number | { readonly __id: number };

/** The id of the actor an owner (a fleet, a device) is, once the owner is found. */
async function actorOf(owner: Promise<{ actor: ActorLink }>): Promise<number> {
  const { actor } = await owner;
  return typeof actor === 'number' ? actor : actor.__id;
}

/**
 * Gets the provisioning keys of an application: the keys devices register into the fleet with
 * (never the secrets themselves).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - OData options merged into the query
 * @returns the keys, ordered by name
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, a malformed id, or options that are not an object, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const keys = await getProvisioningApiKeysByApplication(client, 'admin/my-fleet', { $select: ['id', 'name'] });
 * ```
 */
export async function getProvisioningApiKeysByApplication<const O extends TypedOptions<ApiKey> = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<ApiKey, O>[]> {
  const application = (): Promise<number> =>
    actorOf(getApplication<{ actor: ActorLink }>(client, slugOrUuidOrIdOrName, { $select: 'actor' }));
  return getRowsOf<Selected<ApiKey, O>>(client, API_KEY, 'is_of__actor', application, options, API_KEYS_BY_NAME);
}

/**
 * Gets the API keys of a device (the keys it authenticates with).
 *
 * @param client - the client
 * @param uuidOrId - a numeric id or a full uuid
 * @param options - OData options merged into the query
 * @returns the keys, ordered by name
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device argument or options that are not an object, before any request
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @example
 * ```ts
 * const keys = await getDeviceApiKeysByDevice(client, uuid);
 * ```
 */
export async function getDeviceApiKeysByDevice<const O extends TypedOptions<ApiKey> = Record<never, never>>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  options?: O,
): Promise<Selected<ApiKey, O>[]> {
  const device = (): Promise<number> =>
    actorOf(getDevice<{ actor: ActorLink }>(client, uuidOrId, { $select: 'actor' }));
  return getRowsOf<Selected<ApiKey, O>>(client, API_KEY, 'is_of__actor', device, options, API_KEYS_BY_NAME);
}
