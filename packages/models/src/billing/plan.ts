import { type Client, InvalidParameter } from '@balena-ts/core';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { checkOrganizationArgument } from '../internal/organization.js';
import type { BillingPlanInfo, PlanChangeOptions } from '../types/billing.js';
import { billingAccountPath } from './account-path.js';

/**
 * Gets the plan an organization is on, with what it costs and the support that comes with it.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @returns the plan (the free plan for an organization without a billing account)
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} 403 for a member who is not an administrator
 * @example
 * ```ts
 * const plan = await getPlan(client, 'my-org');
 * console.log(plan.title, plan.billing.totalCostCents);
 * ```
 */
export async function getPlan(client: Client, organization: string | number): Promise<BillingPlanInfo> {
  return client.request<BillingPlanInfo>(await billingAccountPath(client, organization, '/plan'));
}

/**
 * Moves an organization to another plan tier, billed monthly or yearly.
 *
 * @param client - the client (an administrator of the organization)
 * @param organization - the organization's handle or id
 * @param planChangeOptions - the tier, the cycle and optionally why
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed organization, an empty tier or a cycle other than `monthly`/`annual`, before any request
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 * @throws {@link @balena-ts/core#RequestError} when the billing service refuses (an unknown tier, no payment method)
 * @returns resolves once the plan has changed
 * @example
 * ```ts
 * await changePlan(client, 'my-org', { tier: 'prototype', cycle: 'annual' });
 * ```
 */
export async function changePlan(
  client: Client,
  organization: string | number,
  planChangeOptions: PlanChangeOptions,
): Promise<void> {
  checkOrganizationArgument(organization);
  checkObjectArgument('planChangeOptions', planChangeOptions, 'expected { tier, cycle }');
  const { tier, cycle, planChangeReason } = planChangeOptions;
  checkText('planChangeOptions.tier', tier, 'expected a plan tier');
  if (cycle !== 'monthly' && cycle !== 'annual') {
    throw new InvalidParameter('planChangeOptions.cycle', cycle, "expected 'monthly' or 'annual'");
  }
  if (planChangeReason !== undefined && typeof planChangeReason !== 'string') {
    throw new InvalidParameter('planChangeOptions.planChangeReason', planChangeReason, 'expected a string');
  }
  // The billing service takes the cycle as a flag.
  await client.request(await billingAccountPath(client, organization, '/plan'), {
    method: 'PATCH',
    body: { annual: cycle === 'annual', tier, ...(planChangeReason === undefined ? {} : { planChangeReason }) },
  });
}
