import type { Actor } from '../domain/actor.js';
import { type FleetRole, hasFleetRole, userFleetRoles } from '../domain/fleet-roles.js';
import { isAdministratorMembership } from '../domain/memberships.js';
import type { AccessView, ReadQuery, Scope } from '../store/resource-policy.js';
import { resourceDefinition } from '../store/schema.js';
import type { Store } from '../store/store.js';

export type { Scope } from '../store/resource-policy.js';

/** Every table `userFleetRoles` reads: while none changes, a user's roles stay what they were. */
const FLEET_ROLE_SOURCES = [
  'organization_membership',
  'organization_membership_role',
  'application',
  'user_application_membership',
  'application_membership_role',
  'team_membership',
  'team_application_access',
];
const keptRoles = new WeakMap<Store, Map<number, { versions: number[]; roles: Map<number, FleetRole> }>>();

/**
 * A user's fleet roles, kept per user until one of the tables they come from changes: every
 * request of a user needs them, and they change rarely (readers never modify the map).
 */
function keptFleetRoles(store: Store, userId: number): Map<number, FleetRole> {
  let byUser = keptRoles.get(store);
  if (!byUser) {
    byUser = new Map();
    keptRoles.set(store, byUser);
  }
  const versions = FLEET_ROLE_SOURCES.map((resource) => store.version(resource));
  const kept = byUser.get(userId);
  if (kept?.versions.every((version, index) => version === versions[index])) return kept.roles;
  const roles = userFleetRoles(store, userId);
  byUser.set(userId, { versions, roles });
  return roles;
}

/**
 * What one request's actor may read and write. Built per request; the sets of reachable
 * organizations and fleets are computed once and reused for every row. Each resource's own rules
 * are its declaration's `policy` (`store/schema-*.ts`).
 */
export class Access implements AccessView {
  readonly actor: Actor;
  readonly caller: AccessView['caller'];
  readonly store: Store;
  private organizationIds?: Set<number>;
  private administeredIds?: Set<number>;
  private colleagueIds?: Set<number>;
  private applicationIds?: Set<number>;
  private fleetRoles?: Map<number, FleetRole>;

  constructor(store: Store, actor: Actor) {
    this.store = store;
    this.actor = actor;
    // An orphaned key and a token still waiting for its second factor read what a guest reads.
    this.caller =
      actor.kind === 'orphan' || (actor.kind === 'user' && actor.partial)
        ? 'guest'
        : (actor.kind as AccessView['caller']);
  }

  organizations(): Set<number> {
    if (!this.organizationIds) {
      this.organizationIds = new Set();
      if (this.actor.kind === 'user' && this.caller === 'user') {
        for (const membership of this.store.referencing('organization_membership', 'user', this.actor.userId)) {
          this.organizationIds.add(membership.is_member_of__organization as number);
        }
      }
    }
    return this.organizationIds;
  }

  administeredOrganizations(): Set<number> {
    if (!this.administeredIds) {
      this.administeredIds = new Set();
      if (this.actor.kind === 'user' && this.caller === 'user') {
        for (const membership of this.store.referencing('organization_membership', 'user', this.actor.userId)) {
          if (isAdministratorMembership(this.store, membership)) {
            this.administeredIds.add(membership.is_member_of__organization as number);
          }
        }
      }
    }
    return this.administeredIds;
  }

  colleagues(): Set<number> {
    if (!this.colleagueIds) {
      this.colleagueIds = new Set();
      for (const organization of this.organizations()) {
        for (const membership of this.store.referencing(
          'organization_membership',
          'is_member_of__organization',
          organization,
        )) {
          this.colleagueIds.add(membership.user as number);
        }
      }
    }
    return this.colleagueIds;
  }

  applications(): Set<number> {
    if (!this.applicationIds) {
      this.applicationIds = new Set();
      const actor = this.actor;
      if (actor.kind === 'user') {
        for (const application of this.userFleetRoles().keys()) this.applicationIds.add(application);
      } else if (actor.kind === 'application') {
        this.applicationIds.add(actor.applicationId);
      } else if (actor.kind === 'device') {
        const device = this.store.get('device', actor.deviceId);
        if (device) this.applicationIds.add(device.belongs_to__application as number);
      }
    }
    return this.applicationIds;
  }

  fleetRole(applicationId: number | undefined): FleetRole | undefined {
    return applicationId === undefined ? undefined : this.userFleetRoles().get(applicationId);
  }

  /** The user's role on each fleet they reach (none for other actors, orphans and pending sessions). */
  private userFleetRoles(): Map<number, FleetRole> {
    if (!this.fleetRoles) {
      const actor = this.actor;
      this.fleetRoles =
        actor.kind === 'user' && this.caller === 'user' ? keptFleetRoles(this.store, actor.userId) : new Map();
    }
    return this.fleetRoles;
  }

  isPublicHost(applicationId: number | undefined, listed: boolean): boolean {
    if (applicationId === undefined || !listed) return false;
    const application = this.store.get('application', applicationId);
    // balena's public applications: the host (balenaOS) apps and the `balena_os/<arch>-supervisor` fleets.
    return application?.is_public === true;
  }

  ownsActor(actorId: number): boolean {
    if (this.actor.kind === 'guest') return false;
    if (this.actor.actorId === actorId) return true;
    if (this.actor.kind !== 'user') return false;
    // A fleet's and a device's keys are device management: operators and above (observers only read the fleet).
    const application = this.store.referencing('application', 'actor', actorId)[0];
    if (application) return hasFleetRole(this.fleetRole(application.id), 'operator');
    const device = this.store.referencing('device', 'actor', actorId)[0];
    return device !== undefined && hasFleetRole(this.fleetRole(device.belongs_to__application as number), 'operator');
  }

  /** Which rows of `resource` the actor may read (`nested`: reached through a navigation). */
  readScope(resource: string, query: ReadQuery | boolean = {}): Scope {
    const options = typeof query === 'boolean' ? { nested: query } : query;
    return resourceDefinition(resource).policy.read(this, options);
  }

  /** Which rows of `resource` the actor may change or delete. */
  writeScope(resource: string): Scope {
    return resourceDefinition(resource).policy.write(this);
  }
}
