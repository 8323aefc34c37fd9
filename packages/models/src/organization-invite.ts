// @balena-ts/models/organization-invite: invites to join an organization
// (balena-sdk `balena.models.organization.invite`).
export type { OrganizationInviteOptions } from './organization-invite/organization-invite.js';
export {
  accept,
  create,
  getAll,
  getAllByOrganization,
  revoke,
} from './organization-invite/organization-invite.js';
export type { Deferred, Navigation } from './types/navigation.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
export type { Organization } from './types/organization.js';
export type { Invitee, OrganizationInvite } from './types/organization-invite.js';
export type {
  OrganizationMembershipRole,
  OrganizationMembershipRoles,
  OrganizationMemberUser,
} from './types/organization-membership.js';
