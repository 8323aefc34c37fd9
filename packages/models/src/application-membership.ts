// @balena-ts/models/application-membership: users' memberships of fleets, with their roles.
export type { ApplicationMembershipCreationOptions } from './application-membership/application-membership.js';
export {
  changeRole,
  create,
  get,
  getAllByApplication,
  getAllByUser,
  remove,
} from './application-membership/application-membership.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type {
  ApplicationMembership,
  ApplicationMembershipKey,
  ApplicationMembershipRoleName,
} from './types/fleet-access.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
