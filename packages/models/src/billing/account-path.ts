import type { Client } from '@balena-ts/core';
import { resolveOrganizationId } from '../internal/organization.js';

/**
 * The billing service's path for an organization's account, once the organization is found.
 *
 * @param client - the client
 * @param organization - the organization's handle or id
 * @param suffix - what follows the account, e.g. `/plan`
 * @returns `/billing/v1/account/<id><suffix>`
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 */
export async function billingAccountPath(client: Client, organization: string | number, suffix = ''): Promise<string> {
  const id = await resolveOrganizationId(client, organization);
  return `/billing/v1/account/${id}${suffix}`;
}
