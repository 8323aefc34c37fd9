import { onBillingChange, restoreBillingState, serializeBillingState } from '../domain/billing-accounts.js';
import type { Persistence } from './persistence.js';
import type { Store } from './store.js';

const BILLING_META_KEY = 'billing';

/**
 * Keeps the simulated billing state (accounts, cards, setup intents, invoices) in the data file:
 * restored once at start, written as one JSON document in the `meta` table after every change.
 */
export function persistBilling(store: Store, persistence: Persistence): void {
  restoreBillingState(store, persistence.getMeta(BILLING_META_KEY));
  onBillingChange(store, () => persistence.setMeta(BILLING_META_KEY, serializeBillingState(store)));
}
