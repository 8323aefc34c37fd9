// @balena-ts/models/application-invite: invites of e-mail addresses to fleets.
export type { ApplicationInviteOptions } from './application-invite/application-invite.js';
export { accept, create, getAll, getAllByApplication, revoke } from './application-invite/application-invite.js';
export type { ApplicationIdentifier } from './internal/application.js';
export type { ApplicationInvite, ApplicationMembershipRoleName } from './types/fleet-access.js';
export type { FieldOf, Selected, TypedFilter, TypedOptions, TypedOrderBy } from './types/options.js';
