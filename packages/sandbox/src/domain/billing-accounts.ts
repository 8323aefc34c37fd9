// The simulated billing service: one billing account per organization. balena-cloud keeps this in
// its billing service, outside the `/v7` model, so nothing here is an OData resource: it lives in
// memory, and a data file keeps it as one JSON document (store/billing-persistence.ts).
import { randomHex } from '../auth/random.js';
import { messageError } from '../http/http-error.js';
import type { Store } from '../store/store.js';
import { type BillingCycle, PLAN_TIERS, type PlanChoice, planPriceCents } from './billing-plans.js';

/** balena-cloud's answer for an organization that has no billing account (balena-sdk's billing tests). */
export const NO_BILLING_ACCOUNT = 'Billing Account was not found.';

/** The address of a billing account. */
export type AccountAddress = Partial<
  Record<'address1' | 'address2' | 'city' | 'state' | 'zip' | 'country' | 'phone', string>
>;

/** One invoice (balena-sdk's `InvoiceInfo`). */
export interface Invoice {
  invoice_number: string;
  uuid: string;
  state: 'paid' | 'open';
  currency: 'USD';
  subtotal_in_cents: string;
  total_in_cents: string;
  created_at: string;
  closed_at: string;
  due_on: string;
  /** What the invoice was for, printed in its PDF. */
  description: string;
}

/** An organization's billing account, once it has one. */
export interface BillingAccount {
  email: string;
  company_name: string;
  address: AccountAddress;
  tax_id: { type: string; value: string } | null;
  /** The payment method on file (balena-sdk's `BillingInfo`), or undefined once removed. */
  billingInfo: Record<string, string> | undefined;
  plan: PlanChoice;
  invoices: Invoice[];
}

interface BillingState {
  accounts: Map<number, BillingAccount>;
  /** Setup intent id -> the organization it was made for. */
  setupIntents: Map<string, number>;
  nextInvoiceNumber: number;
  /** Called after every change (the data file's copy). */
  listeners: (() => void)[];
}

const FREE_PLAN: PlanChoice = { tier: 'free', cycle: 'monthly', currentPeriodEndDate: '' };
const FIRST_INVOICE_NUMBER = 1000;
const states = new WeakMap<Store, BillingState>();

function stateOf(store: Store): BillingState {
  let state = states.get(store);
  if (!state) {
    state = { accounts: new Map(), setupIntents: new Map(), nextInvoiceNumber: FIRST_INVOICE_NUMBER, listeners: [] };
    states.set(store, state);
  }
  return state;
}

/** Registers a listener called after every change of the billing state. */
export function onBillingChange(store: Store, listener: () => void): void {
  stateOf(store).listeners.push(listener);
}

/** Tells the listeners that the billing state changed (call after changing an account in place). */
export function billingChanged(store: Store): void {
  for (const listener of stateOf(store).listeners) listener();
}

/** The billing state as one JSON document. */
export function serializeBillingState(store: Store): string {
  const state = stateOf(store);
  return JSON.stringify({
    accounts: Array.from(state.accounts),
    setupIntents: Array.from(state.setupIntents),
    nextInvoiceNumber: state.nextInvoiceNumber,
  });
}

/** Restores what {@link serializeBillingState} wrote; an unreadable document leaves the state empty. */
export function restoreBillingState(store: Store, json: string | undefined): void {
  if (json === undefined) return;
  try {
    const saved = JSON.parse(json) as {
      accounts: [number, BillingAccount][];
      setupIntents: [string, number][];
      nextInvoiceNumber: number;
    };
    const state = stateOf(store);
    state.accounts = new Map(saved.accounts);
    state.setupIntents = new Map(saved.setupIntents);
    state.nextInvoiceNumber = saved.nextInvoiceNumber;
  } catch {
    // A damaged copy costs the simulated billing state only, never the start.
  }
}

/** The organization's billing account, if it has one. */
export function findBillingAccount(store: Store, organizationId: number): BillingAccount | undefined {
  return stateOf(store).accounts.get(organizationId);
}

/** The organization's billing account; 404 "Billing Account was not found." without one. */
export function requireBillingAccount(store: Store, organizationId: number): BillingAccount {
  const account = findBillingAccount(store, organizationId);
  if (!account) throw messageError(404, NO_BILLING_ACCOUNT);
  return account;
}

/** The plan an organization is on: free without a billing account. */
export function planOf(store: Store, organizationId: number): PlanChoice {
  return findBillingAccount(store, organizationId)?.plan ?? FREE_PLAN;
}

/** A new Stripe-like setup intent for an organization. */
export function createSetupIntent(store: Store, organizationId: number): { id: string; client_secret: string } {
  const id = `seti_${randomHex(24)}`;
  stateOf(store).setupIntents.set(id, organizationId);
  billingChanged(store);
  return { id, client_secret: `${id}_secret_${randomHex(24)}` };
}

/** Card details of the simulated payment methods, by Stripe test token; any other token is a Visa. */
const TEST_CARDS: Readonly<Record<string, { card_type: string; first_one: string; last_four: string }>> = {
  tok_visa: { card_type: 'Visa', first_one: '4', last_four: '4242' },
  tok_mastercard: { card_type: 'MasterCard', first_one: '5', last_four: '4444' },
  tok_amex: { card_type: 'American Express', first_one: '3', last_four: '8431' },
};

/**
 * Puts a payment method on file from a token (a setup intent made for this organization, or a
 * card token), opening the billing account on first use.
 */
export function setBillingInfo(
  store: Store,
  organizationId: number,
  submitted: { token_id: string; token_type?: unknown },
  email: string,
): Record<string, string> {
  const state = stateOf(store);
  const isSetupIntent = submitted.token_type === 'setup_intent' || submitted.token_id.startsWith('seti_');
  if (isSetupIntent && state.setupIntents.get(submitted.token_id) !== organizationId) {
    throw messageError(400, 'The setup intent is not valid for this organization');
  }
  let account = state.accounts.get(organizationId);
  if (!account) {
    const organization = store.get('organization', organizationId);
    account = {
      email,
      company_name: String(organization?.company_name ?? organization?.name ?? ''),
      address: {},
      tax_id: null,
      billingInfo: undefined,
      plan: FREE_PLAN,
      invoices: [],
    };
    state.accounts.set(organizationId, account);
  }
  const card = TEST_CARDS[submitted.token_id] ?? (TEST_CARDS.tok_visa as (typeof TEST_CARDS)[string]);
  const expiry = new Date(store.now());
  const address = account.address;
  account.billingInfo = {
    full_name: '',
    first_name: '',
    last_name: '',
    company: account.company_name,
    vat_number: account.tax_id?.value ?? '',
    address1: address.address1 ?? '',
    address2: address.address2 ?? '',
    city: address.city ?? '',
    state: address.state ?? '',
    zip: address.zip ?? '',
    country: address.country ?? '',
    phone: address.phone ?? '',
    type: 'card',
    ...card,
    year: String(expiry.getUTCFullYear() + 3),
    month: String(expiry.getUTCMonth() + 1),
  };
  if (isSetupIntent) state.setupIntents.delete(submitted.token_id);
  billingChanged(store);
  return account.billingInfo;
}

/** Moves an organization to another plan; a paid plan is invoiced (and paid) at once. */
export function changePlan(store: Store, organizationId: number, tier: string, cycle: BillingCycle): void {
  const plan = PLAN_TIERS.get(tier);
  if (!plan) throw messageError(400, `Unknown plan tier: ${tier}`);
  const account = findBillingAccount(store, organizationId);
  if (!account) {
    if (tier === 'free') return;
    throw messageError(404, NO_BILLING_ACCOUNT);
  }
  const price = planPriceCents(plan, cycle);
  if (price > 0 && account.billingInfo === undefined) {
    throw messageError(400, 'A payment method is required for a paid plan');
  }
  const now = new Date(store.now());
  const periodEnd = new Date(now);
  periodEnd.setUTCMonth(periodEnd.getUTCMonth() + (cycle === 'annual' ? 12 : 1));
  account.plan = { tier, cycle, currentPeriodEndDate: price > 0 ? periodEnd.toISOString() : '' };
  if (price === 0) {
    billingChanged(store);
    return;
  }
  const state = stateOf(store);
  const stamp = now.toISOString();
  account.invoices.unshift({
    invoice_number: String(state.nextInvoiceNumber++),
    uuid: randomHex(32),
    state: 'paid',
    currency: 'USD',
    subtotal_in_cents: String(price),
    total_in_cents: String(price),
    created_at: stamp,
    closed_at: stamp,
    due_on: stamp,
    description: `${plan.title} plan (${cycle}), until ${periodEnd.toISOString().slice(0, 10)}`,
  });
  billingChanged(store);
}
