import { type Client, type Filter, mergeOptions, type ODataOptions } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { applicationParent } from './application-parent.js';
import type { DependentResource, KeyValueResource, OrganizationOwnedResource } from './definition.js';
import { checkLookupKey } from './key-name.js';
import { listChildren } from './list-children.js';
import { organizationParent } from './organization-parent.js';
import { type ParentKind, withParent } from './parent-kind.js';

// The reading half of the generic dependent-resource operations; `write.ts` has the other.

/**
 * Lists every row of a dependent resource that the caller can read, in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param options - OData options merged into the default query
 * @returns the rows
 * @throws InvalidParameter for options that are not OData options, before any request
 */
export async function getAllRows<T, P>(
  client: Client,
  definition: KeyValueResource<P>,
  options?: ODataOptions,
): Promise<T[]> {
  const defaults = mergeOptions({ $orderby: `${definition.keyField} asc` }, definition.defaults);
  return client.pine.get<T>({
    resource: definition.resource,
    options: mergeOptions(defaults, checkODataOptions(options)),
  });
}

/**
 * Lists the rows of one parent, in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param options - OData options merged into the default query
 * @returns the rows
 * @throws the parent's NotFound error; InvalidParameter for a malformed parent
 */
export function getRowsByParent<T, P>(
  client: Client,
  definition: KeyValueResource<P>,
  parent: P,
  options?: ODataOptions,
): Promise<T[]> {
  return getRowsByOwner(
    client,
    definition,
    definition.parent,
    parent,
    (parentId) => ({
      [definition.parentField]: parentId,
    }),
    options,
  );
}

/**
 * Lists the rows under an owner further up than the parent (e.g. every device variable of one
 * device's service installs, or of an application's devices), in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param kind - how to find the owner
 * @param owner - the owner as the caller gave it
 * @param filter - the filter that selects the owner's rows, given its id
 * @param options - OData options merged into the default query
 * @returns the rows
 * @throws the owner's NotFound error; InvalidParameter for a malformed owner
 */
export function getRowsByOwner<T, P, O>(
  client: Client,
  definition: KeyValueResource<P>,
  kind: ParentKind<O>,
  owner: O,
  filter: (ownerId: number) => Filter,
  options?: ODataOptions,
): Promise<T[]> {
  return listChildren<T, O>(
    client,
    kind,
    owner,
    { resource: definition.resource, filter, orderBy: `${definition.keyField} asc`, defaults: definition.defaults },
    options,
  );
}

/**
 * Lists the rows under every parent of an application, in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param application - the application: an id, a slug, a uuid or a name
 * @param options - OData options merged into the default query
 * @returns the rows
 * @throws ApplicationNotFound, AmbiguousApplication, InvalidParameter
 */
export function getRowsByApplication<T, P>(
  client: Client,
  definition: DependentResource<P>,
  application: ApplicationIdentifier,
  options?: ODataOptions,
): Promise<T[]> {
  return getRowsByOwner(client, definition, applicationParent, application, definition.byApplication, options);
}

/**
 * Lists the rows under every parent of an organization (its memberships), in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param organization - the organization: a handle or an id
 * @param options - OData options merged into the default query
 * @returns the rows
 * @throws OrganizationNotFound, InvalidParameter
 */
export function getRowsByOrganization<T, P>(
  client: Client,
  definition: OrganizationOwnedResource<P>,
  organization: string | number,
  options?: ODataOptions,
): Promise<T[]> {
  return getRowsByOwner(client, definition, organizationParent, organization, definition.byOrganization, options);
}

/**
 * Reads the value stored under one key of one parent.
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param key - the variable name or tag key
 * @returns the value, or `undefined` when the parent has no such key
 * @throws InvalidParameter for an empty key; the parent's NotFound error
 */
export async function getValue<P>(
  client: Client,
  definition: KeyValueResource<P>,
  parent: P,
  key: string,
): Promise<string | undefined> {
  checkLookupKey(definition.keyField === 'name' ? 'name' : 'tagKey', key);
  const rows = await withParent(
    client,
    definition.parent,
    parent,
    (parentId) =>
      client.pine.get<{ value: string }>({
        resource: definition.resource,
        options: { $select: 'value', $filter: { [definition.parentField]: parentId, [definition.keyField]: key } },
      }),
    (found) => found.length === 0,
  );
  return rows[0]?.value;
}
