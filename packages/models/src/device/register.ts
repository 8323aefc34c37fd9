import { type Client, InvalidDeviceType, InvalidParameter, isFullUuid } from '@balena-ts/core';
import { getUserActor } from '../internal/actor.js';
import { type ApplicationIdentifier, checkApplicationIdentifier, getApplication } from '../internal/application.js';
import { isArchitectureCompatible } from '../internal/architecture.js';
import { checkDeviceTypeArgument, findDeviceType } from '../internal/device-type.js';

/** What registering a device returns: its id, its uuid and its own API key. */
export interface DeviceRegistration {
  /** The row id. */
  readonly id: number;
  /** The device uuid. */
  readonly uuid: string;
  /** The device's own API key. */
  readonly api_key: string;
}

interface TypeWithArchitecture {
  /** The row id. */
  readonly id: number;
  readonly slug: string;
  readonly is_of__cpu_architecture: readonly { readonly slug: string }[];
}

const TYPE_OPTIONS = { $select: ['id', 'slug'], $expand: { is_of__cpu_architecture: { $select: 'slug' } } };

// The provisioning key only has to outlive this one registration.
const PROVISIONING_KEY_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Registers a new device in an application, as a device would with a provisioning key.
 *
 * @param client - the client
 * @param applicationSlugOrUuidOrIdOrName - the application
 * @param uuid - the new device's uuid (32 or 62 hex characters; see `generateUuid`)
 * @param deviceTypeSlug - the device type, when it differs from the application's (it must be compatible)
 * @returns the new device's id, uuid and API key
 * @throws {@link @balena-ts/core#InvalidParameter} when the uuid is not a full uuid, or the application or device
 * type argument is malformed, before any request
 * @throws {@link @balena-ts/core#NotLoggedIn} when the credential in use is not a user's
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the device type is unknown or incompatible with the application
 * @throws {@link @balena-ts/core#RequestError} 409 when a device with that uuid exists
 * @example
 * ```ts
 * const { id, api_key } = await register(client, 'admin/my-fleet', generateUuid());
 * ```
 */
export async function register(
  client: Client,
  applicationSlugOrUuidOrIdOrName: ApplicationIdentifier,
  uuid: string,
  deviceTypeSlug?: string,
): Promise<DeviceRegistration> {
  if (!isFullUuid(uuid)) throw new InvalidParameter('uuid', uuid, 'expected 32 or 62 hex characters');
  // The lookups below start together: every argument is checked before the first one leaves.
  checkApplicationIdentifier(applicationSlugOrUuidOrIdOrName);
  if (deviceTypeSlug !== undefined) checkDeviceTypeArgument(deviceTypeSlug);
  const [user, application, requestedType] = await Promise.all([
    getUserActor(client),
    getApplication<{ id: number; is_for__device_type: TypeWithArchitecture[] }>(
      client,
      applicationSlugOrUuidOrIdOrName,
      { $select: 'id', $expand: { is_for__device_type: TYPE_OPTIONS } },
    ),
    deviceTypeSlug === undefined
      ? undefined
      : findDeviceType<TypeWithArchitecture>(client, deviceTypeSlug, TYPE_OPTIONS),
  ]);
  const applicationType = application.is_for__device_type[0];
  const deviceType = requestedType ?? applicationType;
  if (deviceType === undefined || applicationType === undefined) {
    throw new InvalidDeviceType(`No device type for application ${String(applicationSlugOrUuidOrIdOrName)}`);
  }
  const applicationArchitecture = applicationType.is_of__cpu_architecture[0]?.slug ?? '';
  const deviceArchitecture = deviceType.is_of__cpu_architecture[0]?.slug ?? '';
  if (!isArchitectureCompatible(applicationArchitecture, deviceArchitecture)) {
    throw new InvalidDeviceType(
      `Incompatible device type: ${deviceType.slug} (${deviceArchitecture}) cannot join an application for ${applicationType.slug} (${applicationArchitecture})`,
    );
  }
  const provisioningKey = await client.request<string>('/api-key/v2/', {
    method: 'POST',
    body: {
      actorType: 'application',
      actorTypeId: application.id,
      roles: ['provisioning-api-key'],
      description: 'Created by balena-ts to register a device',
      expiryDate: new Date(Date.now() + PROVISIONING_KEY_LIFETIME_MS).toISOString(),
    },
  });
  return client.request<DeviceRegistration>('/device/register', {
    method: 'POST',
    token: provisioningKey,
    body: {
      user: user.actorTypeId,
      application: application.id,
      uuid: uuid.toLowerCase(),
      device_type: deviceType.slug,
    },
  });
}
