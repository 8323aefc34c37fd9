// @balena-ts/models/billing: an organization's plan, payment method and invoices (its administrators only).
export { getAccount, updateAccountInfo } from './billing/account.js';
export { createSetupIntent, getBillingInfo, removeBillingInfo, updateBillingInfo } from './billing/billing-info.js';
export { downloadInvoice, getInvoices } from './billing/invoices.js';
export { changePlan, getPlan } from './billing/plan.js';
export type { DownloadOptions, DownloadProgress } from './internal/download-progress.js';
export type {
  BankAccountBillingInfo,
  BillingAccountInfo,
  BillingAccountInfoChanges,
  BillingAddonPlanInfo,
  BillingAddress,
  BillingCharge,
  BillingInfo,
  BillingInfoType,
  BillingPlanBillingInfo,
  BillingPlanInfo,
  CardBillingInfo,
  InvoiceDownload,
  InvoiceInfo,
  PlanChangeOptions,
  SetupIntent,
  SetupIntentParams,
  TokenBillingSubmitInfo,
} from './types/billing.js';
