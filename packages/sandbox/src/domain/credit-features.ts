import { insertRow } from '../store/new-row.js';
import type { Store } from '../store/store.js';

/**
 * The features credit bundles are bought for. balena-cloud's list is its own; the sandbox seeds
 * three device features so that id 3 is `device:microservices`, the id balena-sdk's credit
 * bundle test buys. Unit costs (cents per credit) are simulated.
 */
export const CREDIT_FEATURES: readonly { slug: string; title: string; unitCostCents: number }[] = [
  { slug: 'device:essentials', title: 'Essentials device', unitCostCents: 100 },
  { slug: 'device:legacy', title: 'Legacy device', unitCostCents: 150 },
  { slug: 'device:microservices', title: 'Microservices device', unitCostCents: 150 },
];

/** Seeds the features a store does not have yet (new stores and data files of older sandboxes). */
export function ensureCreditFeatures(store: Store): void {
  for (const feature of CREDIT_FEATURES) {
    if (store.findUnique('feature', ['slug'], [feature.slug])) continue;
    insertRow(store, 'feature', { slug: feature.slug, title: feature.title, billing_code: feature.slug });
  }
}

/** The unit cost of a feature's credits in cents (features unknown to the table cost 100). */
export function creditUnitCostCents(slug: unknown): number {
  return CREDIT_FEATURES.find((feature) => feature.slug === slug)?.unitCostCents ?? 100;
}
