import type { Navigation, OptionalNavigation } from './navigation.js';
import type { Organization } from './organization.js';

/** What credits are bought for (v7 `feature`). */
export interface Feature {
  /** The row id. */
  readonly id: number;
  /** A human name. */
  readonly title: string;
  /** A stable name, e.g. `device:microservices`. */
  readonly slug: string;
  /** The billing service's code for it, or null. */
  readonly billing_code: string | null;
}

/** How the payment of a credit bundle went. */
export type CreditBundlePaymentStatus =
  | 'processing'
  | 'paid'
  | 'failed'
  | 'complimentary'
  | 'cancelled'
  | 'refunded'
  | 'manually invoiced';

/** Credits an organization bought for one feature (v7 `credit_bundle`). */
export interface CreditBundle {
  /** The row id. */
  readonly id: number;
  /** When it was bought (ISO 8601). */
  readonly created_at: string;
  /** When it last changed (ISO 8601). */
  readonly modified_at: string;
  /** How the payment went. */
  readonly payment_status: CreditBundlePaymentStatus;
  /** The user who bought it. */
  readonly is_created_by__user: OptionalNavigation<{ id: number; username: string }>;
  /** The feature the credits are for. */
  readonly is_for__feature: Navigation<Feature>;
  /** The organization that owns the credits. */
  readonly belongs_to__organization: Navigation<Organization>;
  /** What one credit cost, in cents. */
  readonly unit_cost: number;
  /** How many credits were bought. */
  readonly original_quantity: number;
  /** How many credits of this bundle are left. */
  readonly available_balance: number;
  /** What the bundle cost, in cents. */
  readonly total_cost: number;
  /** The organization's balance for the feature after this purchase. */
  readonly total_balance: number;
  /** When the credits expire (ISO 8601). */
  readonly expires_on__date: string;
  /** The invoice the bundle was charged on, if any. */
  readonly is_associated_with__invoice_id: string | null;
  /** Why the payment failed, if it did. */
  readonly error_message: string | null;
}
