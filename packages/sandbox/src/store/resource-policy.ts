import type { Actor } from '../domain/actor.js';
import { type FleetRole, hasFleetRole } from '../domain/fleet-roles.js';
import type { Row } from './row.js';
import type { RowLookup } from './schema-types.js';
import type { Store } from './store.js';

/** The one field of a row whose value alone decides a {@link RowScope}. */
export interface ScopeKey {
  readonly field: string;
  /** Whether rows holding this value in `field` are in scope. */
  allows(value: unknown): boolean;
}

/**
 * A row filter. With `decidedBy`, rows found through an index on that field (a fleet's devices)
 * are all in scope or none is: one test instead of one per row, which was most of a count's cost.
 */
export type RowScope = ((row: Row) => boolean) & { readonly decidedBy?: ScopeKey };

/** A row filter, or 'none' when the actor may read nothing at all of a resource (balena: 401). */
export type Scope = RowScope | 'none';

/** The fleet (or device) a row belongs to: permissions follow it; `field` when it is a link of the row itself. */
export type Owner = ((row: Row, lookup: RowLookup) => number | undefined) & { readonly field?: string };

/** How a read reaches the rows: the policies of listed-only-on-request rows (host apps) use it. */
export interface ReadQuery {
  /** Reached through a navigation of a row the caller may read. */
  nested?: boolean;
  /** Addressed by key (`resource(id)`, `resource(slug='…')`). */
  keyed?: boolean;
  /** Whether the query's `$filter` names this field. */
  mentions?: (field: string) => boolean;
}

/**
 * What a policy may ask about the caller; computed once per request (see `odata/access.ts`).
 * `caller` folds the actor kinds: orphans and 2FA-pending users count as guests.
 */
export interface AccessView {
  readonly actor: Actor;
  readonly caller: 'guest' | 'user' | 'application' | 'device';
  readonly store: Store;
  /** The organizations the user is a member of. */
  organizations(): Set<number>;
  /** The organizations the user administers. */
  administeredOrganizations(): Set<number>;
  /** The users who share an organization with the user (the user included). */
  colleagues(): Set<number>;
  /** The fleets the actor may read (not counting public host applications); what it may change there is {@link AccessView.fleetRole}. */
  applications(): Set<number>;
  /** A user's role on a fleet (administrator through its organization, else their membership's or teams'); undefined for other actors. */
  fleetRole(applicationId: number | undefined): FleetRole | undefined;
  /** A public host (balenaOS) application, and `listed` says the query may show it. */
  isPublicHost(applicationId: number | undefined, listed: boolean): boolean;
  /** Whether the actor is, or administers, the actor with this id (its user, fleets, devices). */
  ownsActor(actorId: number): boolean;
}

/** Who may read, create and change the rows of one resource. */
export interface ResourcePolicy {
  /** Which rows the actor may read. */
  read(access: AccessView, query: ReadQuery): Scope;
  /** Which rows the actor may change or delete. */
  write(access: AccessView): Scope;
  /** Whether the actor may create this (complete, not yet stored) row; by default `write` decides. */
  create?(access: AccessView, row: Row): boolean;
  /** Whether the actor may turn `previous` into `next` (a PATCH); by default `write` decides on `next`. */
  update?(access: AccessView, next: Row, previous: Row): boolean;
  /** Which rows the actor may delete; by default those it may write. */
  remove?(access: AccessView): Scope;
  /** Never created through `/v7` (balena: 401 before anything else is checked). */
  createdOnlyByTheServer?: boolean;
}

/** What balena derives and checks around a write of one resource. */
export interface ResourceHooks {
  /** Rewrites a POST or PATCH body before its fields are read (balena's POSTPARSE hooks: computed inputs such as a release's `semver`). */
  parseBody?(body: Record<string, unknown>, store: Store): Record<string, unknown>;
  /** Fills in what balena derives on insert (slugs, uuids, names); before any check. */
  beforeInsert?(store: Store, row: Row): void;
  /** Re-derives dependent values of a patched row; `changes` holds the PATCH body's fields, so a hook can tell a field sent unchanged from one not sent. */
  beforeUpdate?(store: Store, next: Row, previous: Row, changes: Readonly<Record<string, unknown>>): void;
  /** balena's rules on a new row's values and references (400); before the permission check. */
  validate?(row: Row, store: Store): void;
  /**
   * balena's model rules (its SBVR `Rule:`s) on a complete row, after every permission check, on
   * insert and on update; a broken rule answers 400 with the rule's text.
   */
  rules?(row: Row, store: Store): void;
  /** Runs once the new row is stored. */
  afterInsert?(store: Store, row: Row, actor: Actor): void;
  /** Runs once a patched row is stored. */
  afterUpdate?(store: Store, next: Row, previous: Row): void;
  /** balena's rules on a DELETE, given every row it removes, before anything is removed (400 with the rule). */
  beforeDelete?(rows: Row[], store: Store): void;
}

const NONE = (): Scope => 'none';

/** Nobody reads or writes through `/v7`. */
export const INTERNAL: ResourcePolicy = { read: NONE, write: NONE };

/** Public to everyone, the guest included; changed only by the server itself. */
export const CATALOGUE: ResourcePolicy = { read: () => () => true, write: NONE };

/** Read and written by the user it belongs to (`field` links to the user). */
export function ownedByUser(field: string): ResourcePolicy {
  const scope = (access: AccessView): Scope => {
    const actor = access.actor;
    return actor.kind === 'user' && access.caller === 'user' ? (row) => row[field] === actor.userId : 'none';
  };
  return { read: scope, write: scope };
}

/** Options of {@link fleetScoped}. */
export interface FleetScopedOptions {
  /** The fleet a row belongs to. */
  application: Owner;
  /** The device a row belongs to: a device key reads and writes only its own device's rows. */
  device?: Owner;
  /** Rows of public host (balenaOS) fleets are readable by guests, and with `keys` by provisioning keys. */
  publicHost?: 'guests' | 'guests-and-keys';
  /**
   * The least fleet role whose users change these rows: operators manage devices (their tags,
   * variables, installs), developers the fleet's software and settings (the default).
   */
  writtenBy?: FleetRole;
}

/** A row of a fleet: whoever may reach the fleet may read and write it. */
export function fleetScoped(options: FleetScopedOptions): ResourcePolicy {
  const { application, device, publicHost, writtenBy = 'developer' } = options;
  return {
    read(access, query) {
      const { actor, store } = access;
      const hostOnly: Scope = publicHost ? (row) => access.isPublicHost(application(row, store), true) : 'none';
      if (access.caller === 'guest') return hostOnly;
      if (access.caller === 'application') return publicHost === 'guests-and-keys' ? hostOnly : 'none';
      if (actor.kind === 'device' && device) return (row) => device(row, store) === actor.deviceId;
      // A query naming the fleet (`belongs_to__application/any(a: a/slug eq 'balena_os/...')`) asks for it.
      const listed = query.nested === true || query.mentions?.('belongs_to__application') === true;
      const allows = (id: number | undefined) =>
        id !== undefined && (access.applications().has(id) || access.isPublicHost(id, listed));
      const scope = (row: Row) => allows(application(row, store));
      const field = application.field;
      return field === undefined
        ? scope
        : Object.assign(scope, {
            decidedBy: { field, allows: (value: unknown) => allows(value as number | undefined) },
          });
    },
    write(access) {
      const { actor, store } = access;
      if (access.caller === 'user') {
        return (row) => hasFleetRole(access.fleetRole(application(row, store)), writtenBy);
      }
      if (actor.kind === 'device' && device) return (row) => device(row, store) === actor.deviceId;
      return 'none';
    },
  };
}

/** The owner of a row found through its parent: `via('device', 'device', ownerOfDevice)`. */
export function via(parentResource: string, field: string, parentOwner: Owner): Owner {
  return (row, lookup) => {
    const parent = lookup.get(parentResource, row[field] as number);
    return parent ? parentOwner(parent, lookup) : undefined;
  };
}

/** The owner held in a link field of the row itself. */
export function byField(field: string): Owner {
  return Object.assign((row: Row) => row[field] as number | undefined, { field });
}
