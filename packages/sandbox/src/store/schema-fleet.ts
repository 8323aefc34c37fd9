import { randomHex } from '../auth/random.js';
import { onlyVerificationFlagChanges, sendVerificationMail } from '../domain/email-verification.js';
import { fleetUsers, hasFleetRole } from '../domain/fleet-roles.js';
import { checkMembershipReferences, membershipRoleId } from '../domain/memberships.js';
import { checkConfigVariable, checkEnvironmentVariable, checkTag } from '../domain/variable-rules.js';
import { messageError } from '../http/http-error.js';
import { baseFields, columns, keyValueResource, resource, reverseLinks } from './field-builders.js';
import { insertRow } from './new-row.js';
import { byField, CATALOGUE, fleetScoped, ownedByUser, type ResourcePolicy, type Scope } from './resource-policy.js';
import type { Row } from './row.js';
import type { ResourceDefinition, RowLookup } from './schema-types.js';
import type { Store } from './store.js';

const base = baseFields;

/** balena's rule (SBVR) on fleet targets, answered as its text. */
const TARGET_RELEASE_RULE =
  'It is necessary that each release that should be running on an application, has a status that is equal to "success" and belongs to the application.';
const UUID_32 = /^[0-9a-f]{32}$/;
/** balena's rule (SBVR, a check constraint) on fleet names. */
const APP_NAME_LENGTH_RULE =
  'It is necessary that each application has an app name that has a Length (Type) that is greater than or equal to 4 and is less than or equal to 100.';
/** balena-cloud's rule on organization memberships, answered when the last administrator would go. */
const ORGANIZATION_ADMINISTRATOR_RULE =
  'It is necessary that each organization that is active, includes at least one organization membership that has an organization membership role that has a name (Auth) that is equal to "administrator".';

/** The rows of balena's view `user__has_direct_access_to__application` for one fleet: every user who reaches it. */
function directAccessRows(application: Row, lookup: RowLookup): Row[] {
  return fleetUsers(lookup, application).map(
    (user) =>
      // A view has no key: balena's `id` is a constant null.
      ({ id: null, user, has_direct_access_to__application: application.id }) as unknown as Row,
  );
}

/** The fleet name's length rule; seeded fleets (no HTTP) may break it, so it is checked when a name is written. */
function checkAppName(row: Row): void {
  const length = String(row.app_name ?? '').length;
  if (length < 4 || length > 100) throw messageError(400, APP_NAME_LENGTH_RULE);
}

/**
 * A handle derived from an organization's name; when it is taken, balena-cloud derives a fresh one
 * rather than refusing the organization, so a numeric suffix is added until it is free.
 */
function freshHandle(store: Store, name: unknown): string {
  const base =
    String(name ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_') || 'organization';
  let handle = base;
  for (let suffix = 1; store.findUnique('organization', ['handle'], [handle]); suffix++) handle = `${base}_${suffix}`;
  return handle;
}

/** Whether each organization of `leaving` (memberships about to go or lose their role) keeps an administrator. */
function checkAdministratorsRemain(store: Store, leaving: Row[]): void {
  const administrator = membershipRoleId(store, 'administrator');
  const leavingIds = new Set(leaving.map((row) => row.id));
  for (const organization of new Set(leaving.map((row) => row.is_member_of__organization as number))) {
    const remains = store
      .referencing('organization_membership', 'is_member_of__organization', organization)
      .some((row) => !leavingIds.has(row.id) && row.organization_membership_role === administrator);
    if (!remains) throw messageError(400, ORGANIZATION_ADMINISTRATOR_RULE);
  }
}

/** balena's fleet slug: `<organization handle>/<app name>`, lower-cased. */
export function applicationSlug(store: Store, row: Row): string {
  const organization = store.get('organization', row.organization as number);
  return `${organization?.handle ?? ''}/${String(row.app_name ?? '')}`.toLowerCase();
}

/**
 * Users read themselves and the members of their organizations; nobody creates or deletes them here,
 * and a user changes only the verification flag of their own row (balena-sdk's `requestVerificationEmail`).
 */
const userPolicy: ResourcePolicy = {
  read: (access) => {
    const actor = access.actor;
    if (actor.kind !== 'user' || access.caller !== 'user') return 'none';
    return (row) => row.id === actor.userId || access.colleagues().has(row.id);
  },
  write: (access) => {
    const actor = access.actor;
    return actor.kind === 'user' && access.caller === 'user' ? (row) => row.id === actor.userId : 'none';
  },
  update: onlyVerificationFlagChanges,
  remove: () => 'none',
  createdOnlyByTheServer: true,
};

/** A user reads the actors of themselves, their colleagues, and their fleets and devices. */
const actorPolicy: ResourcePolicy = {
  read: (access) => {
    if (access.caller !== 'user') return 'none';
    return (row) => {
      if (access.ownsActor(row.id)) return true;
      const user = access.store.referencing('user', 'actor', row.id)[0];
      return user !== undefined && access.colleagues().has(user.id);
    };
  },
  write: () => 'none',
  createdOnlyByTheServer: true,
};

/** Members read an organization; only its administrators change it; any full user creates one. */
const organizationPolicy: ResourcePolicy = {
  read: (access) => (access.caller === 'user' ? (row) => access.organizations().has(row.id) : 'none'),
  write: (access) => (access.caller === 'user' ? (row) => access.administeredOrganizations().has(row.id) : 'none'),
  create: (access) => access.caller === 'user',
};

/** Members read the memberships of their organizations; administrators add, change and remove them. */
const membershipPolicy: ResourcePolicy = {
  read: (access) =>
    access.caller === 'user' ? (row) => access.organizations().has(row.is_member_of__organization as number) : 'none',
  write: (access) =>
    access.caller === 'user'
      ? (row) => access.administeredOrganizations().has(row.is_member_of__organization as number)
      : 'none',
};

/** A user reads the keys of the actors they are or administer; a device its own keys; keys are made by `/api-key`. */
const apiKeyPolicy: ResourcePolicy = {
  read: (access) => {
    const actor = access.actor;
    if (access.caller === 'user') return (row) => access.ownsActor(row.is_of__actor as number);
    if (actor.kind === 'device') return (row) => row.is_of__actor === actor.actorId;
    return 'none';
  },
  write: (access) => {
    if (access.caller !== 'user') return 'none';
    // Only sessions change keys: balena grants `api_key.update`/`delete` to the default user role,
    // not to user API keys. balena-sdk's own tests delete keys while logged in with a user API key
    // and expect the call to succeed and that key to keep working, so such a write touches nothing.
    if (access.actor.kind === 'user' && access.actor.viaApiKey) return () => false;
    return (row) => access.ownsActor(row.is_of__actor as number);
  },
  createdOnlyByTheServer: true,
};

/**
 * Public applications (the balenaOS host fleets, the supervisor fleets) are read by everyone,
 * guests included, in every listing: balena-sdk's `getAll()` without its `directly_accessible`
 * context shows them, and its own tests expect a guest's plain listing to hold them.
 */
const applicationPolicy: ResourcePolicy = {
  read: (access) => {
    const actor = access.actor;
    const host: Scope = (row) => access.isPublicHost(row.id, true);
    if (access.caller === 'guest') return host;
    if (actor.kind === 'application') return (row) => row.id === actor.applicationId || host(row);
    return (row) => access.applications().has(row.id) || host(row);
  },
  // Developers change a fleet (rename, target release); only administrators delete it or create one.
  write: (access) => (access.caller === 'user' ? (row) => hasFleetRole(access.fleetRole(row.id), 'developer') : 'none'),
  remove: (access) =>
    access.caller === 'user' ? (row) => hasFleetRole(access.fleetRole(row.id), 'administrator') : 'none',
  create: (access, row) => access.administeredOrganizations().has(row.organization as number),
  // Moving a fleet between organizations takes administering both (members may not pull fleets out).
  update: (access, next, previous) => {
    if (!hasFleetRole(access.fleetRole(previous.id), 'developer')) return false;
    if (next.organization === previous.organization) return true;
    const administered = access.administeredOrganizations();
    return administered.has(previous.organization as number) && administered.has(next.organization as number);
  },
};

const ofApplication = fleetScoped({ application: byField('application') });

/** Users, organizations, keys and fleets. */
export const fleetResources: ResourceDefinition[] = [
  resource({
    name: 'actor',
    fields: base(),
    navigations: reverseLinks(`
      is_of__user         <- user.actor
      is_of__application  <- application.actor
      is_of__device       <- device.actor
    `),
    policy: actorPolicy,
  }),
  resource({
    name: 'user',
    fields: [
      ...base(),
      ...columns(`
        actor     -> actor keep readonly
        username  text     required
        email     text     required
        has_been_sent_verification_email  boolean  hidden
      `),
    ],
    navigations: reverseLinks(`
        organization_membership  <- organization_membership.user
        user__has__public_key    <- user__has__public_key.user
      `),
    unique: [['username'], ['email']],
    alternateKeys: ['username'],
    policy: userPolicy,
    hooks: { afterUpdate: (store, next) => sendVerificationMail(store, next) },
  }),
  resource({
    name: 'organization',
    fields: [
      ...base(),
      ...columns(`
        name    text     required
        handle  text     required
      `),
    ],
    navigations: reverseLinks(`
        application              <- application.organization
        organization_membership  <- organization_membership.is_member_of__organization
        invitee__is_invited_to__organization  <- invitee__is_invited_to__organization.is_invited_to__organization
      `),
    unique: [['handle']],
    alternateKeys: ['handle'],
    policy: organizationPolicy,
    hooks: {
      beforeInsert: (store, row) => {
        if (typeof row.handle !== 'string' || row.handle === '') row.handle = freshHandle(store, row.name);
      },
      // A user creating an organization becomes its administrator (its owner).
      afterInsert: (store, row, actor) => {
        if (actor.kind !== 'user') return;
        insertRow(store, 'organization_membership', {
          user: actor.userId,
          is_member_of__organization: row.id,
          organization_membership_role: membershipRoleId(store, 'administrator'),
        });
      },
    },
  }),
  resource({
    name: 'organization_membership',
    fields: [
      ...base(),
      ...columns(`
        user                          -> user cascade required any-row
        is_member_of__organization    -> organization cascade required
        organization_membership_role  -> organization_membership_role keep required
      `),
    ],
    navigations: reverseLinks(`
      organization_membership_tag  <- organization_membership_tag.organization_membership
    `),
    unique: [['user', 'is_member_of__organization']],
    alternateKeys: ['user', 'is_member_of__organization'],
    policy: membershipPolicy,
    hooks: {
      beforeInsert: (store, row) => {
        if (row.organization_membership_role === null) {
          row.organization_membership_role = membershipRoleId(store, 'member');
        }
      },
      validate: checkMembershipReferences,
      rules: (row, store) => {
        const previous = store.get('organization_membership', row.id);
        if (previous && row.organization_membership_role !== previous.organization_membership_role) {
          if (previous.organization_membership_role === membershipRoleId(store, 'administrator')) {
            checkAdministratorsRemain(store, [previous]);
          }
        }
      },
      beforeDelete: (rows, store) => {
        const administrator = membershipRoleId(store, 'administrator');
        const administrators = rows.filter((row) => row.organization_membership_role === administrator);
        if (administrators.length > 0) checkAdministratorsRemain(store, administrators);
      },
    },
  }),
  resource({
    name: 'organization_membership_role',
    fields: columns(`
        id    serial
        name  text     required
      `),
    navigations: reverseLinks(`
      is_of__organization_membership <- organization_membership.organization_membership_role
    `),
    unique: [['name']],
    alternateKeys: ['name'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'api_key',
    fields: [
      ...base(),
      ...columns(`
        key           text     readonly hashed-at-rest
        expiry_date   date
        is_of__actor  -> actor cascade readonly
        name          text
        description   text
      `),
    ],
    unique: [['key']],
    policy: apiKeyPolicy,
  }),
  resource({
    name: 'user__has__public_key',
    fields: [
      ...base(),
      ...columns(`
        user        -> user cascade required
        public_key  text     required
        title       text     required
      `),
    ],
    policy: ownedByUser('user'),
  }),
  resource({
    name: 'application_type',
    fields: [
      ...base(),
      ...columns(`
        name                     text     required
        slug                     text     required
        description              text
        supports_gateway_mode    boolean
        supports_multicontainer  boolean  default=true
        supports_web_url         boolean  default=true
        is_legacy                boolean
        requires_payment         boolean
        needs__os_version_range  text
        maximum_device_count     integer
      `),
    ],
    unique: [['slug']],
    alternateKeys: ['slug'],
    policy: CATALOGUE,
  }),
  resource({
    name: 'application',
    fields: [
      ...base(),
      ...columns(`
        actor                                 -> actor keep readonly
        should_track_latest_release           boolean  default=true
        is_of__class                          text     default="fleet"
        organization                          -> organization cascade required
        app_name                              text     required
        slug                                  text     readonly
        is_for__device_type                   -> device_type keep required
        should_be_running__release            -> release set-null
        application_type                      -> application_type keep default=1
        is_host                               boolean
        is_archived                           boolean
        uuid                                  text
        is_public                             boolean
        is_accessible_by_support_until__date  date     hidden
      `),
    ],
    navigations: [
      ...reverseLinks(`
        owns__device                      <- device.belongs_to__application
        owns__release                     <- release.belongs_to__application
        service                           <- service.application
        application_tag                   <- application_tag.application
        application_environment_variable  <- application_environment_variable.application
        application_config_variable       <- application_config_variable.application
        build_environment_variable        <- build_environment_variable.application
      `),
      {
        // balena's generated view `user__has_direct_access_to__application`: one row per user,
        // whose `id` is always null (a view has no key), so only `any(dau:1 eq 1)` finds rows.
        name: 'is_directly_accessible_by__user',
        target: 'user__has_direct_access_to__application',
        resolve: directAccessRows,
      },
    ],
    unique: [['slug'], ['uuid']],
    alternateKeys: ['slug', 'uuid'],
    policy: applicationPolicy,
    hooks: {
      beforeInsert: (store, row) => {
        if (typeof row.uuid !== 'string' || !UUID_32.test(row.uuid)) row.uuid = randomHex(32);
        row.slug = applicationSlug(store, row);
      },
      validate: checkAppName,
      beforeUpdate: (store, next, previous) => {
        if (next.app_name !== previous.app_name) checkAppName(next);
        if (next.app_name !== previous.app_name || next.organization !== previous.organization) {
          next.slug = applicationSlug(store, next);
        }
      },
      rules: (row, store) => {
        const target = store.get('release', row.should_be_running__release as number);
        if (target && (target.status !== 'success' || target.belongs_to__application !== row.id)) {
          throw messageError(400, TARGET_RELEASE_RULE);
        }
      },
    },
  }),
  resource({
    // A view: its rows are made on read (the navigation above); each user reads their own.
    name: 'user__has_direct_access_to__application',
    fields: columns(`
      id                                 integer
      user                               -> user keep
      has_direct_access_to__application  -> application keep
    `),
    view: (store) =>
      Array.from(store.all('application')).flatMap((application) => directAccessRows(application, store)),
    policy: {
      read: (access) => {
        const actor = access.actor;
        return actor.kind === 'user' && access.caller === 'user' ? (row) => row.user === actor.userId : 'none';
      },
      write: () => 'none',
      createdOnlyByTheServer: true,
    },
  }),
  keyValueResource(
    'application_tag',
    { field: 'application', resource: 'application', key: 'tag_key' },
    fleetScoped({ application: byField('application'), publicHost: 'guests', writtenBy: 'operator' }),
    checkTag('application'),
  ),
  keyValueResource(
    'application_environment_variable',
    { field: 'application', resource: 'application', key: 'name' },
    ofApplication,
    checkEnvironmentVariable,
  ),
  keyValueResource(
    'application_config_variable',
    { field: 'application', resource: 'application', key: 'name' },
    ofApplication,
    checkConfigVariable,
  ),
  keyValueResource(
    'build_environment_variable',
    { field: 'application', resource: 'application', key: 'name' },
    ofApplication,
  ),
];
