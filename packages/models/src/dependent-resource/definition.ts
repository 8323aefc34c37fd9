import type { Filter, ODataOptions } from '@balena-ts/core';
import type { KeyRules } from './name-rules.js';
import type { ParentKind } from './parent-kind.js';

/**
 * A key/value resource that belongs to a parent row: a variable (key field `name`) or a tag (key
 * field `tag_key`). One definition per resource drives every generic operation of this folder;
 * `resources.ts` holds them all.
 *
 * @typeParam P - the forms a caller may give the parent in
 */
export interface KeyValueResource<P> extends KeyRules {
  /** The OData resource, e.g. `'device_environment_variable'`. */
  readonly resource: string;
  /** The field that links a row to its parent, e.g. `'device'`. */
  readonly parentField: string;
  /** How to find the parent. */
  readonly parent: ParentKind<P>;
  /** Default options of every listing (merged under the caller's), e.g. an `$expand` balena's Python SDK returned. */
  readonly defaults?: ODataOptions;
}

/**
 * A key/value resource whose rows hang below an application (every variable and tag of a fleet,
 * its devices, releases and services), so that they can also be listed per application.
 *
 * @typeParam P - the forms a caller may give the parent in
 */
export interface DependentResource<P> extends KeyValueResource<P> {
  /** The filter that selects the rows under an application with this id (through the parents). */
  readonly byApplication: (applicationId: number) => Filter;
}

/**
 * A key/value resource whose rows hang below an organization (organization membership tags), so
 * that they can also be listed per organization.
 *
 * @typeParam P - the forms a caller may give the parent in
 */
export interface OrganizationOwnedResource<P> extends KeyValueResource<P> {
  /** The filter that selects the rows under the organization with this id (through the parents). */
  readonly byOrganization: (organizationId: number) => Filter;
}

/**
 * A dependent resource whose parent hangs below a device (a service install), so that its rows can
 * also be listed per device.
 *
 * @typeParam P - the forms a caller may give the parent in
 */
export interface DeviceOwnedResource<P> extends DependentResource<P> {
  /** The filter that selects the rows under the device with this id (through the parents). */
  readonly byDevice: (deviceId: number) => Filter;
}

/**
 * Describes a dependent resource: where its rows live and what rules their keys and values follow.
 *
 * @param location - the resource, its parent field and parent kind, how it is reached from an application
 * @param rules - the key field and the key and value rules
 * @returns the definition
 */
export function dependentResource<P, L extends Omit<KeyValueResource<P>, keyof KeyRules>>(
  location: L,
  rules: KeyRules,
): L & KeyRules {
  return { ...location, ...rules };
}
