import type { Navigation } from './navigation.js';
import type { Organization } from './organization.js';
import type { OrganizationMembershipRole, OrganizationMemberUser } from './organization-membership.js';

/** The person an invite is for (v7 `invitee`): known by e-mail address only. */
export interface Invitee {
  /** The row id. */
  readonly id: number;
  /** The e-mail address the invite was sent to. */
  readonly email: string;
}

/** An invite to join an organization (v7 `invitee__is_invited_to__organization`). */
export interface OrganizationInvite {
  /** The row id. */
  readonly id: number;
  /** Who is invited. */
  readonly invitee: Navigation<Invitee>;
  /** The organization the invite is to. */
  readonly is_invited_to__organization: Navigation<Organization>;
  /** The role the invitee gets on accepting. */
  readonly organization_membership_role: Navigation<OrganizationMembershipRole>;
  /** The inviter's message, or null. */
  readonly message: string | null;
  /** The administrator who sent the invite, or null. */
  readonly is_created_by__user: Navigation<OrganizationMemberUser> | null;
}
