// @balena-ts/models/team: the teams of an organization.
export { create, get, getAllByOrganization, remove, rename } from './team/team.js';
export type { Team } from './types/fleet-access.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
