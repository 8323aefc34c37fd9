import type { Client } from '@balena-ts/core';
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
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
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
  const applicationId = await resolveApplicationId(client, slugOrUuidOrIdOrName);
  return client.request<string>('/api-key/v2/', {
    method: 'POST',
    body: {
      actorType: 'application',
      actorTypeId: applicationId,
      roles: ['provisioning-api-key'],
      name: options.name,
      description: options.description,
      // The v2 endpoint requires the property; null means the key never expires.
      expiryDate: options.expiryDate ?? null,
    },
  });
}
