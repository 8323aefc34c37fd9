import { type Client, checkOptionsObject, InvalidOption } from '@balena-ts/core';
import { type ApplicationIdentifier, resolveApplicationId } from '../internal/application.js';

/** Optional details of a provisioning key. */
export interface ProvisioningKeyOptions {
  /** A name shown in the dashboard. */
  readonly name?: string;
  /** A description. */
  readonly description?: string;
  /** When the key stops working (ISO 8601); `null` (the default) for never. */
  readonly expiryDate?: string | null;
}

/**
 * Generates a provisioning key for an application: devices use it to register themselves.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @param options - name, description and expiry date of the key
 * @returns the key
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, or options that are
 * not an object, before any request
 * @throws {@link @balena-ts/core#InvalidOption} when `name` or `description` is not a string, or `expiryDate`
 * is neither a string nor null, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not match
 * @throws {@link @balena-ts/core#RequestError} when the API refuses (e.g. an expiry date in the past)
 * @example
 * ```ts
 * const key = await generateProvisioningKey(client, 'admin/my-fleet', { name: 'factory line 2' });
 * ```
 */
export async function generateProvisioningKey(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options: ProvisioningKeyOptions = {},
): Promise<string> {
  const { name, description, expiryDate } = checkOptionsObject('options', options);
  for (const [option, value] of Object.entries({ name, description })) {
    if (value !== undefined && typeof value !== 'string') {
      throw new InvalidOption(`Invalid option "${option}": expected a string`);
    }
  }
  if (expiryDate !== undefined && expiryDate !== null && typeof expiryDate !== 'string') {
    throw new InvalidOption('Invalid option "expiryDate": expected an ISO 8601 date, or null for never');
  }
  const applicationId = await resolveApplicationId(client, slugOrUuidOrIdOrName);
  return client.request<string>('/api-key/v2/', {
    method: 'POST',
    body: {
      actorType: 'application',
      actorTypeId: applicationId,
      roles: ['provisioning-api-key'],
      name,
      description,
      // The v2 endpoint requires the property; null means the key never expires.
      expiryDate: expiryDate ?? null,
    },
  });
}
