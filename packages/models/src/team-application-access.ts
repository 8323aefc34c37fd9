// @balena-ts/models/team-application-access: the fleets a team reaches, with a role.
export type { ApplicationIdentifier } from './internal/application.js';
export { add, get, getAllByTeam, remove, update } from './team-application-access/team-application-access.js';
export type { ApplicationMembershipRoleName, TeamApplicationAccess } from './types/fleet-access.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
