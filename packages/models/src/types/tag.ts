import type { Navigation } from './navigation.js';
import type { ApplicationReference, DeviceReference } from './parent-reference.js';
import type { ReleaseReference } from './release-reference.js';

/** The membership fields an organization membership tag links to. */
export interface OrganizationMembershipReference {
  /** The membership id. */
  readonly id: number;
  /** The member. */
  readonly user: { readonly __id: number };
  /** The organization. */
  readonly is_member_of__organization: { readonly __id: number };
}

/** The fields every tag row has. */
export interface TagFields {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** When the row was last changed (ISO 8601). */
  readonly modified_at: string;
  /** The tag's key, unique within its parent. */
  readonly tag_key: string;
  /** The tag's value. */
  readonly value: string;
}

/** A device tag (v7 `device_tag`). */
export interface DeviceTag extends TagFields {
  /** The device it belongs to. */
  readonly device: Navigation<DeviceReference>;
}

/** An application tag (v7 `application_tag`). */
export interface ApplicationTag extends TagFields {
  /** The application it belongs to. */
  readonly application: Navigation<ApplicationReference>;
}

/** A release tag (v7 `release_tag`). */
export interface ReleaseTag extends TagFields {
  /** The release it belongs to. */
  readonly release: Navigation<ReleaseReference>;
}

/** A tag of an organization membership (v7 `organization_membership_tag`). */
export interface OrganizationMembershipTag extends TagFields {
  /** The membership it belongs to. */
  readonly organization_membership: Navigation<OrganizationMembershipReference>;
}
