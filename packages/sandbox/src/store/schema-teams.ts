import {
  FLEET_MEMBER_IN_ORGANIZATION_RULE,
  fleetRoleId,
  hasFleetRole,
  isOrganizationMember,
  userFromUsername,
} from '../domain/fleet-roles.js';
import { emptyError, messageError } from '../http/http-error.js';
import { baseFields, columns, resource, reverseLinks } from './field-builders.js';
import { type AccessView, CATALOGUE, type ResourcePolicy, type Scope } from './resource-policy.js';
import type { Row } from './row.js';
import type { NavigationDefinition, ResourceDefinition } from './schema-types.js';
import type { Store } from './store.js';

const base = baseFields;

/**
 * The rule on team members, worded as balena's rule on fleet members (balena-cloud's own text for
 * teams is not public): a team holds members of its organization only.
 */
const TEAM_MEMBER_IN_ORGANIZATION_RULE =
  'It is necessary that each user that is member of a team that belongs to an organization, is member of the organization';

/** The organization a team belongs to. */
function organizationOfTeam(store: Store, team: unknown): number | undefined {
  return store.get('team', team as number)?.belongs_to__organization as number | undefined;
}

/** A scope for full users only. */
function forUsers(access: AccessView, scope: (row: Row) => boolean): Scope {
  return access.caller === 'user' && access.actor.kind === 'user' ? scope : 'none';
}

/** The user's id (only called inside a `forUsers` scope). */
function userId(access: AccessView): number {
  return access.actor.kind === 'user' ? access.actor.userId : -1;
}

/**
 * Fleet members: a user reads their own memberships and those of the fleets they reach; only the
 * fleet's administrators (its organization's) add, change and remove them.
 */
const fleetMembershipPolicy: ResourcePolicy = {
  read: (access) =>
    forUsers(
      access,
      (row) => row.user === userId(access) || access.applications().has(row.is_member_of__application as number),
    ),
  write: (access) =>
    forUsers(access, (row) => hasFleetRole(access.fleetRole(row.is_member_of__application as number), 'administrator')),
};

/** Teams and team memberships: the organization's members read them, its administrators manage them. */
function teamScoped(organizationOf: (store: Store, row: Row) => number | undefined): ResourcePolicy {
  return {
    read: (access) =>
      forUsers(access, (row) => access.organizations().has(organizationOf(access.store, row) as number)),
    write: (access) =>
      forUsers(access, (row) => access.administeredOrganizations().has(organizationOf(access.store, row) as number)),
  };
}

const teamAccessRead = teamScoped((store, row) => organizationOfTeam(store, row.team));

/** A team's access to a fleet: administrators of the team's organization grant it, on that organization's fleets only. */
const teamApplicationAccessPolicy: ResourcePolicy = {
  read: teamAccessRead.read,
  write: (access) => {
    const team = teamAccessRead.write(access);
    if (team === 'none') return 'none';
    return (row) =>
      team(row) && hasFleetRole(access.fleetRole(row.grants_access_to__application as number), 'administrator');
  },
};

/** A new membership's role defaults to developer (balena-sdk's tests: a membership created without a role). */
function defaultRole(store: Store, row: Row): void {
  if (row.application_membership_role === null || row.application_membership_role === undefined) {
    row.application_membership_role = fleetRoleId(store, 'developer');
  }
}

/** A membership's user and role must exist (a foreign key error, 400). */
function checkReferences(row: Row, store: Store): void {
  if (!store.get('user', row.user as number)) throw emptyError(400);
  if (
    row.application_membership_role !== undefined &&
    !store.get('application_membership_role', row.application_membership_role as number)
  ) {
    throw emptyError(400);
  }
}

/** Teams, team memberships and access, fleet memberships and their roles. */
export const teamResources: ResourceDefinition[] = [
  resource({
    name: 'application_membership_role',
    fields: [
      ...base(),
      ...columns(`
        name         text  required
        description  text
      `),
    ],
    navigations: reverseLinks(`
      is_of__user_application_membership  <- user_application_membership.application_membership_role
      is_of__team_application_access      <- team_application_access.application_membership_role
    `),
    unique: [['name']],
    alternateKeys: ['name'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'user_application_membership',
    fields: [
      ...base(),
      ...columns(`
        user                         -> user cascade required any-row
        is_member_of__application    -> application cascade required
        application_membership_role  -> application_membership_role keep required
      `),
    ],
    unique: [['user', 'is_member_of__application']],
    alternateKeys: ['user', 'is_member_of__application'],
    policy: fleetMembershipPolicy,
    hooks: {
      parseBody: (body, store) => userFromUsername(store, body),
      beforeInsert: defaultRole,
      validate: checkReferences,
      rules: (row, store) => {
        const application = store.get('application', row.is_member_of__application as number);
        if (application && !isOrganizationMember(store, row.user as number, application.organization as number)) {
          throw messageError(400, FLEET_MEMBER_IN_ORGANIZATION_RULE);
        }
      },
    },
  }),
  resource({
    name: 'team',
    fields: [
      ...base(),
      ...columns(`
        belongs_to__organization  -> organization cascade required
        name                      text  required
        description               text
      `),
    ],
    navigations: reverseLinks(`
      team_membership                      <- team_membership.is_member_of__team
      user__is_member_of__team             <- team_membership.is_member_of__team
      includes__user                       <- team_membership.is_member_of__team
      team_application_access              <- team_application_access.team
      team__grants_access_to__application  <- team_application_access.team
      grants_access_to__application        <- team_application_access.team
    `),
    unique: [['belongs_to__organization', 'name']],
    policy: teamScoped((_store, row) => row.belongs_to__organization as number),
  }),
  resource({
    name: 'team_membership',
    fields: [
      ...base(),
      ...columns(`
        user                -> user cascade required any-row
        is_member_of__team  -> team cascade required
      `),
    ],
    unique: [['user', 'is_member_of__team']],
    alternateKeys: ['user', 'is_member_of__team'],
    policy: teamScoped((store, row) => organizationOfTeam(store, row.is_member_of__team)),
    hooks: {
      parseBody: (body, store) => userFromUsername(store, body),
      validate: checkReferences,
      rules: (row, store) => {
        const organization = organizationOfTeam(store, row.is_member_of__team);
        if (organization !== undefined && !isOrganizationMember(store, row.user as number, organization)) {
          throw messageError(400, TEAM_MEMBER_IN_ORGANIZATION_RULE);
        }
      },
    },
  }),
  resource({
    name: 'team_application_access',
    fields: [
      ...base(),
      ...columns(`
        team                           -> team cascade required
        grants_access_to__application  -> application cascade required
        application_membership_role    -> application_membership_role keep required
      `),
    ],
    unique: [['team', 'grants_access_to__application']],
    policy: teamApplicationAccessPolicy,
    hooks: { beforeInsert: defaultRole },
  }),
];

/** balena's other names for these resources (the model's fact types behind the short names). */
export const teamResourceAliases: ReadonlyArray<readonly [string, string]> = [
  ['user__is_member_of__application', 'user_application_membership'],
  ['user__is_member_of__team', 'team_membership'],
  ['team__grants_access_to__application', 'team_application_access'],
];

/** Navigations these resources add to resources declared elsewhere (user, invitee, organization, application). */
export const teamNavigations: ReadonlyMap<string, NavigationDefinition[]> = new Map([
  [
    'user',
    reverseLinks(`
      user_application_membership      <- user_application_membership.user
      user__is_member_of__application  <- user_application_membership.user
      is_member_of__application        <- user_application_membership.user
      team_membership                  <- team_membership.user
      user__is_member_of__team         <- team_membership.user
      is_member_of__team               <- team_membership.user
    `),
  ],
  [
    'invitee',
    reverseLinks(`
      is_invited_to__application           <- invitee__is_invited_to__application.invitee
      invitee__is_invited_to__application  <- invitee__is_invited_to__application.invitee
      application_invite                   <- invitee__is_invited_to__application.invitee
    `),
  ],
  [
    'organization',
    reverseLinks(`
      owns__team  <- team.belongs_to__organization
      team        <- team.belongs_to__organization
    `),
  ],
  [
    'application',
    reverseLinks(`
      user_application_membership          <- user_application_membership.is_member_of__application
      user__is_member_of__application      <- user_application_membership.is_member_of__application
      includes__user                       <- user_application_membership.is_member_of__application
      team_application_access              <- team_application_access.grants_access_to__application
      team__grants_access_to__application  <- team_application_access.grants_access_to__application
      is_accessible_by__team               <- team_application_access.grants_access_to__application
      invitee__is_invited_to__application  <- invitee__is_invited_to__application.is_invited_to__application
      application_invite                   <- invitee__is_invited_to__application.is_invited_to__application
    `),
  ],
]);
