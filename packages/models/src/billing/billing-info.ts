import type { Client } from '@balena-ts/core';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { checkOrganizationArgument } from '../internal/organization.js';
import type { BillingInfo, SetupIntent, SetupIntentParams, TokenBillingSubmitInfo } from '../types/billing.js';
import { billingAccountPath } from './account-path.js';

/**
 * Gets the payment method an organization has on file.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @returns the payment method (a {@link CardBillingInfo} for a card), or `{}` when there is none
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 403 for a member who is not an administrator
 * @example
 * ```ts
 * const info = await getBillingInfo(client, 'my-org');
 * ```
 */
export async function getBillingInfo(client: Client, organization: string | number): Promise<BillingInfo> {
  return client.request<BillingInfo>(await billingAccountPath(client, organization, '/info'));
}

/**
 * Puts a payment method on file from the token the payment form produced (or a confirmed setup
 * intent's id, see {@link createSetupIntent}).
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @param billingInfo - the token and what it is
 * @returns the payment method now on file
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization, or a `billingInfo` without a `token_id`, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 400 when the billing service refuses the token
 * @example
 * ```ts
 * const { id } = await createSetupIntent(client, { organization: 'my-org' });
 * // ...confirm the setup intent with the payment provider, then:
 * await updateBillingInfo(client, 'my-org', { token_id: id, token_type: 'setup_intent' });
 * ```
 */
export async function updateBillingInfo(
  client: Client,
  organization: string | number,
  billingInfo: TokenBillingSubmitInfo,
): Promise<BillingInfo> {
  checkOrganizationArgument(organization);
  checkObjectArgument('billingInfo', billingInfo, 'expected { token_id }');
  checkText('billingInfo.token_id', billingInfo.token_id, 'expected the token of the payment form');
  return client.request<BillingInfo>(await billingAccountPath(client, organization, '/info'), {
    method: 'PATCH',
    body: billingInfo,
  });
}

/**
 * Removes the payment method an organization has on file.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @returns what the billing service answers (the now empty billing info)
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 404 without a billing account
 * @example
 * ```ts
 * await removeBillingInfo(client, 'my-org');
 * ```
 */
export async function removeBillingInfo(client: Client, organization: string | number): Promise<BillingInfo> {
  return client.request<BillingInfo>(await billingAccountPath(client, organization, '/info'), { method: 'DELETE' });
}

/**
 * Starts setting up a payment method: the payment form confirms the returned setup intent with
 * the payment provider, and {@link updateBillingInfo} then records it.
 *
 * @param client - the client (an administrator of the organization)
 * @param params - the organization (handle or id) and the captcha answer where one is asked
 * @returns the setup intent's id and client secret
 * @throws {@link @balena-ts/core#InvalidParameter} when `params` is not an object or its organization is malformed, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 403 for a member who is not an administrator
 * @example
 * ```ts
 * const { id, client_secret } = await createSetupIntent(client, { organization: 'my-org' });
 * ```
 */
export async function createSetupIntent(client: Client, params: SetupIntentParams): Promise<SetupIntent> {
  checkObjectArgument('params', params, 'expected { organization }');
  const { organization, ...extra } = params;
  checkOrganizationArgument(organization);
  return client.request<SetupIntent>(await billingAccountPath(client, organization, '/setup-intent'), {
    method: 'POST',
    body: extra,
  });
}
