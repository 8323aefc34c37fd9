import { type Client, InvalidParameter, mergeOptions, parseRowId } from '@balena-ts/core';
import { checkODataOptions } from '../internal/odata-options.js';
import { checkOrganizationArgument, resolveOrganizationId } from '../internal/organization.js';
import type { CreditBundle } from '../types/credit-bundle.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * Gets the credit bundles an organization bought, newest first.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @param options - OData options merged into the query
 * @returns the credit bundles
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization or options that are not an object, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @example
 * ```ts
 * const bundles = await getAllByOrg(client, 'my-org', { $select: ['original_quantity', 'payment_status'] });
 * ```
 */
export async function getAllByOrg<const O extends TypedOptions<CreditBundle> = Record<never, never>>(
  client: Client,
  organization: string | number,
  options?: O,
): Promise<Selected<CreditBundle, O>[]> {
  checkOrganizationArgument(organization);
  const checked = checkODataOptions(options);
  const organizationId = await resolveOrganizationId(client, organization);
  return client.pine.get<Selected<CreditBundle, O>>({
    resource: 'credit_bundle',
    options: mergeOptions(
      { $filter: { belongs_to__organization: organizationId }, $orderby: 'created_at desc' },
      checked,
    ),
  });
}

/**
 * Buys credits for one feature for an organization, charged to its payment method on file.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @param featureId - the id of the feature the credits are for
 * @param creditsToPurchase - how many credits, a positive integer
 * @returns the new credit bundle (its `payment_status` tells how the payment went)
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization, feature id or quantity, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} when the API refuses (401 for a member who is not an administrator)
 * @example
 * ```ts
 * const bundle = await create(client, 'my-org', 3, 100);
 * console.log(bundle.payment_status);
 * ```
 */
export async function create(
  client: Client,
  organization: string | number,
  featureId: number,
  creditsToPurchase: number,
): Promise<CreditBundle> {
  checkOrganizationArgument(organization);
  const feature = parseRowId(featureId, 'featureId');
  if (typeof creditsToPurchase !== 'number' || !Number.isSafeInteger(creditsToPurchase) || creditsToPurchase <= 0) {
    throw new InvalidParameter('creditsToPurchase', creditsToPurchase, 'expected a positive integer');
  }
  const organizationId = await resolveOrganizationId(client, organization);
  return client.pine.post<CreditBundle>({
    resource: 'credit_bundle',
    body: { belongs_to__organization: organizationId, is_for__feature: feature, original_quantity: creditsToPurchase },
  });
}
