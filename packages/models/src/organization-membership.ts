// @balena-ts/models/organization-membership: who belongs to an organization, with which role
// (balena-sdk `balena.models.organization.membership`).
export {
  changeRole,
  get,
  getAllByOrganization,
  getAllByUser,
  remove,
} from './organization-membership/organization-membership.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
export type {
  OrganizationMembership,
  OrganizationMembershipKey,
  OrganizationMembershipRole,
  OrganizationMembershipRoles,
  OrganizationMemberUser,
} from './types/organization-membership.js';
