import type { Navigation } from './navigation.js';
import type { Organization } from './organization.js';

/** The roles an organization membership may have, as balena names them. */
export type OrganizationMembershipRoles = 'administrator' | 'member';

/** An organization membership role (v7 `organization_membership_role`). */
export interface OrganizationMembershipRole {
  /** The row id. */
  readonly id: number;
  /** `administrator` (manages the organization, its members and invites) or `member`. */
  readonly name: OrganizationMembershipRoles;
}

/** The user fields a membership links to. */
export interface OrganizationMemberUser {
  /** The user id. */
  readonly id: number;
  /** The username. */
  readonly username: string;
}

/** A user's membership of an organization (v7 `organization_membership`). */
export interface OrganizationMembership {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The member. */
  readonly user: Navigation<OrganizationMemberUser>;
  /** The organization. */
  readonly is_member_of__organization: Navigation<Organization>;
  /** The member's role in the organization. */
  readonly organization_membership_role: Navigation<OrganizationMembershipRole>;
}

/**
 * A membership named by its id, or by its natural key: the user's id and the organization's id
 * (balena's alternate key of `organization_membership`).
 */
export type OrganizationMembershipKey = number | { readonly user: number; readonly is_member_of__organization: number };
