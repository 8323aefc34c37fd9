/** The postal address of a billing account; every part optional. */
export interface BillingAddress {
  /** First address line. */
  readonly address1?: string;
  /** Second address line. */
  readonly address2?: string;
  /** City. */
  readonly city?: string;
  /** State, county or region. */
  readonly state?: string;
  /** Postal code. */
  readonly zip?: string;
  /** ISO 3166 country code, e.g. `GB`. */
  readonly country?: string;
  /** Phone number. */
  readonly phone?: string;
}

/** An organization's billing account, as the billing service describes it. */
export interface BillingAccountInfo {
  /** Where invoices are sent. */
  readonly email?: string;
  /** `active` for an account in use. */
  readonly account_state: string;
  /** The company invoiced. */
  readonly company_name?: string;
  /** The company's address. */
  readonly address: BillingAddress;
  /** The tax id printed on invoices, e.g. `{ type: 'eu_vat', value: 'GB123' }`, or null. */
  readonly tax_id?: { readonly type: string; readonly value: string } | null;
}

/** What {@link BillingAccountInfo} may be changed to: any subset of its editable parts. */
export type BillingAccountInfoChanges = Partial<Omit<BillingAccountInfo, 'account_state'>>;

/** The kind of payment method on file. */
export type BillingInfoType =
  | 'bank_account'
  | 'credit_card'
  | 'paypal'
  | 'card'
  | 'link'
  | 'cashapp'
  | 'sepa_debit'
  | 'us_bank_account';

/** The payment method on file and its holder, with the holder's billing address; `{}` when there is none. */
export interface BillingInfo extends BillingAddress {
  /** The holder's full name. */
  readonly full_name?: string;
  /** The holder's first name. */
  readonly first_name?: string;
  /** The holder's last name. */
  readonly last_name?: string;
  /** The company paying. */
  readonly company?: string;
  /** The VAT number, if any. */
  readonly vat_number?: string;
  /** The kind of payment method. */
  readonly type?: BillingInfoType;
}

/** A card on file. */
export interface CardBillingInfo extends BillingInfo {
  /** The card brand, e.g. `Visa`. */
  readonly card_type: string;
  /** Expiry year. */
  readonly year: string;
  /** Expiry month, `1` to `12`. */
  readonly month: string;
  /** The first digit of the card number. */
  readonly first_one: string;
  /** The last four digits of the card number. */
  readonly last_four: string;
}

/** A bank account on file. */
export interface BankAccountBillingInfo extends BillingInfo {
  /** Checking or savings. */
  readonly account_type: string;
  /** The last four digits of the account number. */
  readonly last_four: string;
  /** The name the account is held in. */
  readonly name_on_account: string;
  /** The bank's routing number. */
  readonly routing_number: string;
}

/** What {@link updateBillingInfo} sends: a token from the payment form. */
export interface TokenBillingSubmitInfo {
  /** The token of the payment method, or the id of a confirmed setup intent. */
  readonly token_id: string;
  /** The captcha answer, where the service asks for one. */
  readonly 'g-recaptcha-response'?: string;
  /** What `token_id` is. */
  readonly token_type?: 'payment_method' | 'setup_intent';
  /** Also use the payment method's address as the company's. */
  readonly setAsCompanyAddress?: boolean;
}

/** One charge of a plan. */
export interface BillingCharge {
  /** `plan`, `support`, an add-on... */
  readonly itemType: string;
  /** What the charge is, for people. */
  readonly name: string;
  /** The charge's code, e.g. the plan tier. */
  readonly code: string;
  /** Cents, as a decimal string. */
  readonly unitCostCents: string;
  /** A decimal string. */
  readonly quantity: string;
  /** Whether the quantity can change. */
  readonly isQuantifiable?: boolean;
}

/** What a plan costs. */
export interface BillingPlanBillingInfo {
  /** e.g. `USD`. */
  readonly currency: string;
  /** Cents, as a decimal string. */
  readonly totalCostCents: string;
  /** What the total is made of. */
  readonly charges: readonly BillingCharge[];
}

/** The add-ons bought on top of a plan. */
export interface BillingAddonPlanInfo {
  /** The add-on plan's code. */
  readonly code: string;
  /** When the paid period of the add-ons ends (ISO 8601), or empty. */
  readonly currentPeriodEndDate?: string;
  /** What the add-ons cost. */
  readonly billing: BillingPlanBillingInfo;
  /** The add-ons bought. */
  readonly addOns: readonly { readonly code: string; readonly unitCostCents?: string; readonly quantity?: string }[];
}

/** The plan an organization is on. */
export interface BillingPlanInfo {
  /** e.g. `Free plan`. */
  readonly name: string;
  /** e.g. `Free`. */
  readonly title: string;
  /** The plan code, e.g. `free-monthly`. */
  readonly code: string;
  /** The tier, e.g. `free`: what {@link PlanChangeOptions} `tier` names. */
  readonly tier: string;
  /** When the paid period ends (ISO 8601). */
  readonly currentPeriodEndDate?: string;
  /** The unit of the billing interval, e.g. `months`. */
  readonly intervalUnit?: string;
  /** How many units a billing interval lasts, as a decimal string. */
  readonly intervalLength?: string;
  /** The add-ons bought on top of the plan, once the organization has a billing account. */
  readonly addonPlan?: BillingAddonPlanInfo;
  /** What the plan costs. */
  readonly billing: BillingPlanBillingInfo;
  /** The support level that comes with the plan. */
  readonly support: { readonly name: string; readonly title: string };
}

/** One invoice. Amounts are cents, as decimal strings. */
export interface InvoiceInfo {
  /** When the invoice was closed (ISO 8601). */
  readonly closed_at: string;
  /** When the invoice was issued (ISO 8601). */
  readonly created_at: string;
  /** When payment is due (ISO 8601). */
  readonly due_on: string;
  /** e.g. `USD`. */
  readonly currency: string;
  /** What {@link downloadInvoice} takes. */
  readonly invoice_number: string;
  /** The amount before taxes and discounts. */
  readonly subtotal_in_cents: string;
  /** The amount charged. */
  readonly total_in_cents: string;
  /** The invoice's unique id at the billing service. */
  readonly uuid: string;
  /** Older invoices: pending, paid, failed, past_due, open, closed, voided, processing; newer: draft, open, paid, uncollectible, void. */
  readonly state: string;
}

/** What {@link changePlan} takes. */
export interface PlanChangeOptions {
  /** The tier to move to, e.g. `prototype`. */
  readonly tier: string;
  /** Pay monthly or yearly. */
  readonly cycle: 'monthly' | 'annual';
  /** Why, for the billing team. */
  readonly planChangeReason?: string;
}

/** What {@link createSetupIntent} takes. */
export interface SetupIntentParams {
  /** The organization's handle or id. */
  readonly organization: string | number;
  /** The captcha answer, where the service asks for one. */
  readonly 'g-recaptcha-response'?: string;
}

/** A started payment-method setup: confirm it with the payment provider, then pass `id` to {@link updateBillingInfo}. */
export interface SetupIntent {
  /** The setup intent's id: the `token_id` to record once confirmed. */
  readonly id: string;
  /** The secret the payment form confirms the setup with. */
  readonly client_secret: string;
}

/** A started invoice download. */
export interface InvoiceDownload {
  /** The PDF bytes; read it (or `pipeTo` a file), `cancel()` it to stop. */
  readonly stream: ReadableStream<Uint8Array>;
  /** The size in bytes, when the server announced it. */
  readonly total: number | undefined;
  /** The media type, `application/pdf`. */
  readonly mimeType: string | undefined;
  /** The file name the server suggests, if any. */
  readonly fileName: string | undefined;
}
