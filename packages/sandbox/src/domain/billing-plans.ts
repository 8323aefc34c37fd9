// The simulated billing plans. balena-cloud's catalogue, prices and codes live in its billing
// service; only the free plan's answer is known exactly (balena-sdk's billing tests), the paid
// tiers are the sandbox's own, documented as simulated in the README.

/** One self-serve plan tier. */
export interface PlanTier {
  tier: string;
  title: string;
  monthlyCents: number;
  annualCents: number;
  support: { code: string; name: string; title: string };
}

const COMMUNITY_SUPPORT = { code: 'community', name: 'Community support', title: 'Community' };
const STANDARD_SUPPORT = { code: 'core', name: 'Standard support', title: 'Standard' };

/** The tiers an organization may change to, by tier name. */
export const PLAN_TIERS: ReadonlyMap<string, PlanTier> = new Map(
  [
    { tier: 'free', title: 'Free', monthlyCents: 0, annualCents: 0, support: COMMUNITY_SUPPORT },
    { tier: 'pilot', title: 'Pilot', monthlyCents: 9_900, annualCents: 99_000, support: STANDARD_SUPPORT },
    { tier: 'prototype', title: 'Prototype', monthlyCents: 29_900, annualCents: 299_000, support: STANDARD_SUPPORT },
    { tier: 'production', title: 'Production', monthlyCents: 99_900, annualCents: 999_000, support: STANDARD_SUPPORT },
  ].map((plan) => [plan.tier, plan]),
);

/** The billing cycle of a plan. */
export type BillingCycle = 'monthly' | 'annual';

/** What an organization runs on. */
export interface PlanChoice {
  tier: string;
  cycle: BillingCycle;
  /** ISO 8601 end of the paid period; '' on the free plan. */
  currentPeriodEndDate: string;
}

/** The price of a plan for a cycle, in cents. */
export function planPriceCents(plan: PlanTier, cycle: BillingCycle): number {
  return cycle === 'annual' ? plan.annualCents : plan.monthlyCents;
}

/** The `/billing/v1/account/:id/plan` answer (balena-sdk's `BillingPlanInfo`) for a plan choice. */
export function planInfo(choice: PlanChoice, hasAccount: boolean): Record<string, unknown> {
  const plan = PLAN_TIERS.get(choice.tier) ?? (PLAN_TIERS.get('free') as PlanTier);
  const name = `${plan.title} plan`;
  const price = String(planPriceCents(plan, choice.cycle));
  const info: Record<string, unknown> = {
    name,
    title: plan.title,
    code: `${plan.tier}-${choice.cycle}`,
    tier: plan.tier,
    addOns: [],
    billing: {
      currency: 'USD',
      charges: [
        { itemType: 'plan', name, code: plan.tier, unitCostCents: price, quantity: '1' },
        {
          itemType: 'support',
          name: plan.support.name,
          code: plan.support.code,
          unitCostCents: '0',
          quantity: '1',
        },
      ],
      totalCostCents: price,
    },
    support: { title: plan.support.title, name: plan.support.name },
  };
  if (hasAccount) {
    // An organization with a billing account also gets its period and (empty) add-on plan.
    Object.assign(info, {
      currentPeriodEndDate: choice.currentPeriodEndDate,
      intervalUnit: 'months',
      intervalLength: choice.cycle === 'annual' ? '12' : '1',
      addonPlan: {
        addOns: [],
        billing: { charges: [], currency: 'USD', totalCostCents: '0' },
        code: 'addons',
        currentPeriodEndDate: '',
        uuid: '',
      },
    });
  }
  return info;
}
