import type { Actor } from '../domain/actor.js';
import { isAdministratorMembership } from '../domain/memberships.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';
import { APPLICATION_OF, CATALOGUE, DEVICE_OF } from './ownership.js';

/** A row filter, or 'none' when the actor may read nothing at all of a resource (balena: 401). */
export type Scope = ((row: Row) => boolean) | 'none';

/**
 * What one request's actor may read and write. Built per request; the sets of reachable
 * organizations and fleets are computed once and reused for every row.
 */
export class Access {
  readonly actor: Actor;
  private readonly store: Store;
  private organizationIds?: Set<number>;
  private administeredIds?: Set<number>;
  private colleagueIds?: Set<number>;
  private applicationIds?: Set<number>;
  /**
   * Host applications (balenaOS) are public, but balena's fleet listings never show them: they
   * appear only to queries that ask for them (`is_host` in the filter), by key, and through
   * navigations (device types, releases).
   */
  hostApplicationsListed = false;

  constructor(store: Store, actor: Actor) {
    this.store = store;
    this.actor = actor;
  }

  /** The organizations the user is a member of. */
  organizations(): Set<number> {
    if (!this.organizationIds) {
      this.organizationIds = new Set();
      if (this.actor.kind === 'user' && !this.actor.partial) {
        for (const membership of this.store.referencing('organization_membership', 'user', this.actor.userId)) {
          this.organizationIds.add(membership.is_member_of__organization as number);
        }
      }
    }
    return this.organizationIds;
  }

  /** The organizations the user administers (memberships with the `administrator` role). */
  administeredOrganizations(): Set<number> {
    if (!this.administeredIds) {
      this.administeredIds = new Set();
      if (this.actor.kind === 'user' && !this.actor.partial) {
        for (const membership of this.store.referencing('organization_membership', 'user', this.actor.userId)) {
          if (isAdministratorMembership(this.store, membership)) {
            this.administeredIds.add(membership.is_member_of__organization as number);
          }
        }
      }
    }
    return this.administeredIds;
  }

  /** The users who share an organization with the user (the user included). */
  private colleagues(): Set<number> {
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

  /** The fleets the actor may read and write (not counting public host applications). */
  applications(): Set<number> {
    if (!this.applicationIds) {
      this.applicationIds = new Set();
      const actor = this.actor;
      if (actor.kind === 'user') {
        for (const organization of this.organizations()) {
          for (const application of this.store.referencing('application', 'organization', organization)) {
            this.applicationIds.add(application.id);
          }
        }
      } else if (actor.kind === 'application') {
        this.applicationIds.add(actor.applicationId);
      } else if (actor.kind === 'device') {
        const device = this.store.get('device', actor.deviceId);
        if (device) this.applicationIds.add(device.belongs_to__application as number);
      }
    }
    return this.applicationIds;
  }

  private isPublicHost(applicationId: number | undefined, nested: boolean): boolean {
    if (applicationId === undefined) return false;
    const application = this.store.get('application', applicationId);
    if (application?.is_host !== true || application.is_public !== true) return false;
    return nested || this.hostApplicationsListed;
  }

  /** Which rows of `resource` the actor may read; `nested` for rows reached through a navigation. */
  readScope(resource: string, nested = false): Scope {
    const actor = this.actor;
    if (CATALOGUE.has(resource)) return () => true;
    const ownerOf = APPLICATION_OF[resource];
    const partial = actor.kind === 'user' && actor.partial;
    if (actor.kind === 'guest' || actor.kind === 'orphan' || partial) {
      if (resource === 'application') return (row) => this.isPublicHost(row.id, nested);
      if (resource === 'release' || resource === 'release_tag' || resource === 'application_tag') {
        return (row) => this.isPublicHost(ownerOf?.(row, this.store), true);
      }
      return 'none';
    }
    if (actor.kind === 'application') {
      if (resource === 'application')
        return (row) => row.id === actor.applicationId || this.isPublicHost(row.id, nested);
      if (resource === 'release' || resource === 'release_tag')
        return (row) => this.isPublicHost(ownerOf?.(row, this.store), true);
      return 'none';
    }
    if (actor.kind === 'device') {
      const deviceOf = DEVICE_OF[resource];
      if (deviceOf) return (row) => deviceOf(row, this.store) === actor.deviceId;
      if (ownerOf) return (row) => this.canReachApplication(ownerOf(row, this.store), nested);
      if (resource === 'api_key') return (row) => row.is_of__actor === actor.actorId;
      return 'none';
    }
    // A user.
    if (ownerOf) return (row) => this.canReachApplication(ownerOf(row, this.store), nested);
    switch (resource) {
      case 'organization':
        return (row) => this.organizations().has(row.id);
      case 'organization_membership':
        return (row) => this.organizations().has(row.is_member_of__organization as number);
      case 'user':
        return (row) => row.id === actor.userId || this.colleagues().has(row.id);
      case 'user__has__public_key':
        return (row) => row.user === actor.userId;
      case 'api_key':
        return (row) => this.ownsActor(row.is_of__actor as number);
      case 'actor':
        return () => true;
      default:
        return 'none';
    }
  }

  private canReachApplication(applicationId: number | undefined, nested: boolean): boolean {
    if (applicationId === undefined) return false;
    return this.applications().has(applicationId) || this.isPublicHost(applicationId, nested);
  }

  /** Whether the actor is, or administers, the actor with this id (its user, fleets, devices). */
  ownsActor(actorId: number): boolean {
    if (this.actor.kind === 'guest') return false;
    if (this.actor.actorId === actorId) return true;
    if (this.actor.kind !== 'user') return false;
    const application = this.store.referencing('application', 'actor', actorId)[0];
    if (application) return this.applications().has(application.id);
    const device = this.store.referencing('device', 'actor', actorId)[0];
    return device !== undefined && this.applications().has(device.belongs_to__application as number);
  }

  /** Which rows the actor may change or delete. */
  writeScope(resource: string): Scope {
    const actor = this.actor;
    if (CATALOGUE.has(resource) || resource === 'actor' || resource === 'user') return 'none';
    if (actor.kind === 'user' && !actor.partial) {
      // Only administrators change an organization or its memberships; members read them.
      if (resource === 'organization') return (row) => this.administeredOrganizations().has(row.id);
      if (resource === 'organization_membership') {
        return (row) => this.administeredOrganizations().has(row.is_member_of__organization as number);
      }
      const ownerOf = APPLICATION_OF[resource];
      if (ownerOf) return (row) => this.applications().has(ownerOf(row, this.store) as number);
      return this.readScope(resource);
    }
    if (actor.kind === 'device') {
      const deviceOf = DEVICE_OF[resource];
      if (deviceOf) return (row) => deviceOf(row, this.store) === actor.deviceId;
    }
    return 'none';
  }
}
