import { emptyError } from '../http/http-error.js';
import { insertRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';

/** The roles of an organization membership, as balena-cloud names them. */
export type MembershipRoleName = 'administrator' | 'member';

const ROLE_NAMES: readonly MembershipRoleName[] = ['administrator', 'member'];

/** The id of a membership role; the roles exist from the first start on. */
export function membershipRoleId(store: Store, name: MembershipRoleName): number {
  const role = store.findUnique('organization_membership_role', ['name'], [name]);
  if (!role) throw new Error(`no organization membership role ${name}`);
  return role.id;
}

/**
 * Creates the membership roles when missing, and makes memberships stored before roles existed
 * (data files of older sandboxes, where every membership was its creator's) administrators.
 */
export function ensureMembershipRoles(store: Store): void {
  for (const name of ROLE_NAMES) {
    if (!store.findUnique('organization_membership_role', ['name'], [name])) {
      insertRow(store, 'organization_membership_role', { name });
    }
  }
  const administrator = membershipRoleId(store, 'administrator');
  for (const membership of Array.from(store.all('organization_membership'))) {
    if (membership.organization_membership_role === null || membership.organization_membership_role === undefined) {
      store.put('organization_membership', { ...membership, organization_membership_role: administrator });
    }
  }
}

/** Whether a membership row makes its user an administrator of the organization. */
export function isAdministratorMembership(store: Store, membership: Row): boolean {
  return membership.organization_membership_role === membershipRoleId(store, 'administrator');
}

/** The user and the role a new membership points at must exist (balena: a foreign key error, 400). */
export function checkMembershipReferences(row: Row, store: Store): void {
  if (!store.get('user', row.user as number)) throw emptyError(400);
  if (!store.get('organization_membership_role', row.organization_membership_role as number)) throw emptyError(400);
}

/** What {@link addMembership} needs. */
export interface NewMembership {
  user: number;
  organization: number;
  role?: MembershipRoleName;
}

/** Makes a user a member of an organization without HTTP (programmatic `addMembership`). */
export function addMembership(store: Store, values: NewMembership): Row {
  if (!store.get('user', values.user)) throw new Error(`no user ${values.user}`);
  if (!store.get('organization', values.organization)) throw new Error(`no organization ${values.organization}`);
  const role = values.role ?? 'member';
  if (!ROLE_NAMES.includes(role)) throw new Error(`unknown organization membership role ${role}`);
  if (
    store.findUnique(
      'organization_membership',
      ['user', 'is_member_of__organization'],
      [values.user, values.organization],
    )
  ) {
    throw new Error(`user ${values.user} is already a member of organization ${values.organization}`);
  }
  return insertRow(store, 'organization_membership', {
    user: values.user,
    is_member_of__organization: values.organization,
    organization_membership_role: membershipRoleId(store, role),
  });
}
