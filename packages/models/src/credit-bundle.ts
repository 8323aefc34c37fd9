// @balena-ts/models/credit-bundle: credits an organization buys for a feature.
export { create, getAllByOrg } from './credit-bundle/credit-bundle.js';
export type { CreditBundle, CreditBundlePaymentStatus, Feature } from './types/credit-bundle.js';
export type { Deferred, Navigation, OptionalNavigation, ReverseNavigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
