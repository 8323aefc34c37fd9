// @balena-ts/models/team-membership: users' memberships of teams.
export type { TeamMembershipCreationOptions } from './team-membership/team-membership.js';
export { create, get, getAllByTeam, getAllByUser, remove } from './team-membership/team-membership.js';
export type { TeamMembership } from './types/fleet-access.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
