import { findBillingAccount } from '../domain/billing-accounts.js';
import { creditUnitCostCents } from '../domain/credit-features.js';
import { messageError } from '../http/http-error.js';
import { baseFields, columns, resource } from './field-builders.js';
import { updateRow } from './new-row.js';
import { CATALOGUE, type ResourcePolicy } from './resource-policy.js';
import type { ResourceDefinition } from './schema-types.js';

/** How long bought credits last. */
const CREDIT_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * balena: an organization's administrators manage its billing; credit bundles are bought (POST)
 * and read by them, never changed or deleted through `/v7` (their payment is the billing service's).
 */
const creditBundlePolicy: ResourcePolicy = {
  read: (access) =>
    access.caller === 'user'
      ? (row) => access.administeredOrganizations().has(row.belongs_to__organization as number)
      : 'none',
  write: () => 'none',
  create: (access, row) =>
    access.caller === 'user' && access.administeredOrganizations().has(row.belongs_to__organization as number),
};

/** The billing resources of balena-cloud's `/v7` model (balena-sdk's `CreditBundle` and `Feature` typings). */
export const billingResources: ResourceDefinition[] = [
  resource({
    name: 'feature',
    fields: columns(`
      id            serial
      title         text    required
      slug          text    required
      billing_code  text
    `),
    unique: [['slug']],
    alternateKeys: ['slug'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'credit_bundle',
    fields: [
      ...baseFields(),
      ...columns(`
        payment_status                   text     readonly
        is_created_by__user              -> user set-null readonly
        is_for__feature                  -> feature keep required
        belongs_to__organization         -> organization cascade required
        unit_cost                        integer  readonly
        original_quantity                integer  required
        available_balance                integer  readonly
        total_cost                       integer  readonly
        total_balance                    integer  readonly
        expires_on__date                 date     readonly
        is_associated_with__invoice_id   text     readonly
        error_message                    text     readonly
      `),
    ],
    policy: creditBundlePolicy,
    hooks: {
      validate: (row, store) => {
        const quantity = row.original_quantity;
        if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity <= 0) {
          throw messageError(400, 'The number of credits to purchase must be a positive integer');
        }
        if (!store.get('feature', row.is_for__feature as number)) throw messageError(400, 'Unknown feature');
      },
      beforeInsert: (store, row) => {
        const feature = store.get('feature', row.is_for__feature as number);
        const quantity = Number(row.original_quantity);
        const unitCost = creditUnitCostCents(feature?.slug);
        // Simulated payment: charged to the payment method on file, failing without one.
        const payable = findBillingAccount(store, row.belongs_to__organization as number)?.billingInfo !== undefined;
        // The organization's balance for the feature once this bundle is added (paid bundles only).
        const earlier = store
          .referencing('credit_bundle', 'belongs_to__organization', row.belongs_to__organization as number)
          .filter((bundle) => bundle.is_for__feature === row.is_for__feature && bundle.payment_status === 'paid')
          .reduce((sum, bundle) => sum + Number(bundle.available_balance ?? 0), 0);
        Object.assign(row, {
          unit_cost: unitCost,
          total_cost: unitCost * quantity,
          available_balance: quantity,
          total_balance: earlier + (payable ? quantity : 0),
          expires_on__date: new Date(store.now() + CREDIT_VALIDITY_MS).toISOString(),
          payment_status: payable ? 'paid' : 'failed',
          error_message: payable ? null : 'The organization has no payment method on file',
        });
      },
      afterInsert: (store, row, actor) => {
        if (actor.kind !== 'user') return;
        updateRow(store, 'credit_bundle', row.id, { is_created_by__user: actor.userId });
        // The POST answers with the row as created: it names its buyer too.
        row.is_created_by__user = actor.userId;
      },
    },
  }),
];
