import { messageError } from '../http/http-error.js';
import { insertRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import type { RowLookup } from '../store/schema-types.js';
import type { Store } from '../store/store.js';

/** The roles of a fleet membership (and of a team's access to a fleet), as balena-cloud names them. */
export type FleetMembershipRoleName = 'developer' | 'operator' | 'observer';

/** What a user may do on one fleet: a membership role, or `administrator` through the fleet's organization. */
export type FleetRole = FleetMembershipRoleName | 'administrator';

const ROLE_NAMES: readonly FleetMembershipRoleName[] = ['developer', 'operator', 'observer'];

/**
 * Each role holds every right of the ones below it (balena's fleet member types): observers read,
 * operators also manage devices, developers also manage the fleet's software and settings, and
 * organization administrators also delete the fleet and manage its members.
 */
const RANK: Readonly<Record<FleetRole, number>> = { observer: 1, operator: 2, developer: 3, administrator: 4 };

/** balena's rule on fleet memberships (the text balena-sdk 23 raises for it). */
export const FLEET_MEMBER_IN_ORGANIZATION_RULE =
  'It is necessary that each user (Auth) that is member of an application that has an organization, is member of the organization';

/** Whether `role` carries at least the rights of `needed`. */
export function hasFleetRole(role: FleetRole | undefined, needed: FleetRole): boolean {
  return role !== undefined && RANK[role] >= RANK[needed];
}

/** The higher of two roles. */
function higher(first: FleetRole | undefined, second: FleetRole): FleetRole {
  return first !== undefined && RANK[first] >= RANK[second] ? first : second;
}

/** Creates the fleet membership roles when missing (fresh stores and data files of older sandboxes). */
export function ensureFleetMembershipRoles(store: Store): void {
  for (const name of ROLE_NAMES) {
    if (!store.findUnique('application_membership_role', ['name'], [name])) {
      insertRow(store, 'application_membership_role', { name });
    }
  }
}

/** The id of a fleet membership role. */
export function fleetRoleId(store: Store, name: FleetMembershipRoleName): number {
  const role = store.findUnique('application_membership_role', ['name'], [name]);
  if (!role) throw new Error(`no application membership role ${name}`);
  return role.id;
}

/** Whether an organization membership makes its user an administrator (read through any row lookup). */
function administers(lookup: RowLookup, membership: Row): boolean {
  return (
    lookup.get('organization_membership_role', membership.organization_membership_role as number)?.name ===
    'administrator'
  );
}

function roleName(lookup: RowLookup, roleId: unknown): FleetMembershipRoleName | undefined {
  const name = lookup.get('application_membership_role', roleId as number)?.name;
  return ROLE_NAMES.includes(name as FleetMembershipRoleName) ? (name as FleetMembershipRoleName) : undefined;
}

/**
 * The user's role on every fleet they reach: administrator of each fleet of an organization they
 * administer; otherwise the highest of their own fleet membership and their teams' access. A plain
 * organization member reaches no fleet until granted one (balena: members rely on administrators to
 * place them in teams or grant them fleets).
 */
export function userFleetRoles(lookup: RowLookup, userId: number): Map<number, FleetRole> {
  const roles = new Map<number, FleetRole>();
  // Grants count only inside organizations the user still belongs to (leaving one ends them).
  const organizations = new Set<number>();
  const grant = (application: number, role: FleetRole | undefined) => {
    const organization = lookup.get('application', application)?.organization as number | undefined;
    if (role === undefined || organization === undefined || !organizations.has(organization)) return;
    roles.set(application, higher(roles.get(application), role));
  };
  for (const membership of lookup.referencing('organization_membership', 'user', userId)) {
    const organization = membership.is_member_of__organization as number;
    organizations.add(organization);
    if (!administers(lookup, membership)) continue;
    for (const application of lookup.referencing('application', 'organization', organization)) {
      grant(application.id, 'administrator');
    }
  }
  for (const membership of lookup.referencing('user_application_membership', 'user', userId)) {
    grant(membership.is_member_of__application as number, roleName(lookup, membership.application_membership_role));
  }
  for (const teamMembership of lookup.referencing('team_membership', 'user', userId)) {
    const team = teamMembership.is_member_of__team as number;
    for (const access of lookup.referencing('team_application_access', 'team', team)) {
      grant(access.grants_access_to__application as number, roleName(lookup, access.application_membership_role));
    }
  }
  return roles;
}

/** Every user who reaches a fleet, whatever the role (balena's view `user__has_direct_access_to__application`). */
export function fleetUsers(lookup: RowLookup, application: Row): number[] {
  const users = new Set<number>();
  const members = new Set<number>();
  for (const membership of lookup.referencing(
    'organization_membership',
    'is_member_of__organization',
    application.organization as number,
  )) {
    members.add(membership.user as number);
    if (administers(lookup, membership)) users.add(membership.user as number);
  }
  for (const membership of lookup.referencing(
    'user_application_membership',
    'is_member_of__application',
    application.id,
  )) {
    users.add(membership.user as number);
  }
  for (const access of lookup.referencing('team_application_access', 'grants_access_to__application', application.id)) {
    for (const member of lookup.referencing('team_membership', 'is_member_of__team', access.team as number)) {
      users.add(member.user as number);
    }
  }
  return Array.from(users).filter((user) => members.has(user));
}

/** Whether a user is a member (of any role) of an organization. */
export function isOrganizationMember(store: Store, user: number, organization: number): boolean {
  return (
    store.findUnique('organization_membership', ['user', 'is_member_of__organization'], [user, organization]) !==
    undefined
  );
}

/**
 * balena's hooks accept `username` in place of `user` on the membership resources: the user it
 * names, or a 400 when nobody has that username.
 */
export function userFromUsername(store: Store, body: Record<string, unknown>): Record<string, unknown> {
  if (!('username' in body)) return body;
  const { username, ...rest } = body;
  const user = typeof username === 'string' ? store.findUnique('user', ['username'], [username]) : undefined;
  if (!user) throw messageError(400, `Could not find user "${String(username)}"`);
  return { ...rest, user: user.id };
}
