import { type Client, InvalidParameter } from '@balena-ts/core';
import { checkOrganizationArgument } from '../internal/organization.js';
import type { BillingAccountInfo, BillingAccountInfoChanges } from '../types/billing.js';
import { billingAccountPath } from './account-path.js';

/**
 * Gets an organization's billing account: its state, invoice email, company and address.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @returns the billing account
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 404 "Billing Account was not found." for an organization on the free plan without one; 403 for a member who is not an administrator
 * @example
 * ```ts
 * const account = await getAccount(client, 'my-org');
 * console.log(account.account_state, account.email);
 * ```
 */
export async function getAccount(client: Client, organization: string | number): Promise<BillingAccountInfo> {
  return client.request<BillingAccountInfo>(await billingAccountPath(client, organization));
}

/**
 * Changes an organization's billing account details (invoice email, company, address, tax id).
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @param accountInfo - the parts to change
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization or an `accountInfo` that is not an object, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 400 for an empty change or an invalid email; 404 without a billing account
 * @returns resolves once the billing service has applied the change
 * @example
 * ```ts
 * await updateAccountInfo(client, 'my-org', { email: 'billing@example.com' });
 * ```
 */
export async function updateAccountInfo(
  client: Client,
  organization: string | number,
  accountInfo: BillingAccountInfoChanges,
): Promise<void> {
  checkOrganizationArgument(organization);
  if (accountInfo === null || typeof accountInfo !== 'object' || Array.isArray(accountInfo)) {
    throw new InvalidParameter('accountInfo', accountInfo, 'expected an object');
  }
  await client.request(await billingAccountPath(client, organization), { method: 'PATCH', body: accountInfo });
}
