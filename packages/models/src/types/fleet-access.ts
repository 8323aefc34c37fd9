/** The roles a user or a team may hold on a fleet (v7 `application_membership_role.name`). */
export type ApplicationMembershipRoleName = 'developer' | 'operator' | 'observer';

/** A user's membership of a fleet (v7 `user_application_membership`, also `user__is_member_of__application`). */
export interface ApplicationMembership {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The member. */
  readonly user: { readonly __id: number } | number;
  /** The fleet. */
  readonly is_member_of__application: { readonly __id: number } | number;
  /** The member's role on the fleet. */
  readonly application_membership_role: { readonly __id: number } | number;
}

/** A fleet membership's unique key: the user and the fleet. */
export interface ApplicationMembershipKey {
  /** The user's id. */
  readonly user: number;
  /** The fleet's id. */
  readonly is_member_of__application: number;
}

/** A team of an organization (v7 `team`). */
export interface Team {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The organization the team belongs to. */
  readonly belongs_to__organization: { readonly __id: number } | number;
  /** The name, unique in the organization. */
  readonly name: string;
  /** A description. */
  readonly description: string | null;
}

/** A user's membership of a team (v7 `team_membership`, also `user__is_member_of__team`). */
export interface TeamMembership {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The member. */
  readonly user: { readonly __id: number } | number;
  /** The team. */
  readonly is_member_of__team: { readonly __id: number } | number;
}

/** A team's access to a fleet, with a role (v7 `team_application_access`). */
export interface TeamApplicationAccess {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The team. */
  readonly team: { readonly __id: number } | number;
  /** The fleet. */
  readonly grants_access_to__application: { readonly __id: number } | number;
  /** The role the team's members hold on the fleet. */
  readonly application_membership_role: { readonly __id: number } | number;
}

/** An e-mail address invited to a fleet, with a role (v7 `invitee__is_invited_to__application`, also `application_invite`). */
export interface ApplicationInvite {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The invitee (its `email` when expanded). */
  readonly invitee: { readonly __id: number } | number;
  /** The fleet. */
  readonly is_invited_to__application: { readonly __id: number } | number;
  /** The role the invitee gets on accepting. */
  readonly application_membership_role: { readonly __id: number } | number;
  /** A message for the invitee. */
  readonly message: string | null;
  /** The user who sent the invite. */
  readonly is_created_by__user: { readonly __id: number } | number | null;
}
