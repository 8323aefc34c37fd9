import { type Client, type Filter, mergeOptions, type ODataOptions } from '@balena-ts/core';
import type { DependentResource } from './definition.js';
import { listChildren } from './list-children.js';
import type { ParentKind } from './parent-kind.js';

/**
 * Lists every row of a dependent resource that the caller can read, in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param options - OData options merged into the default query
 * @returns the rows
 */
export function getAllRows<T, P>(
  client: Client,
  definition: DependentResource<P>,
  options?: ODataOptions,
): Promise<T[]> {
  return client.pine.get<T>({
    resource: definition.resource,
    options: mergeOptions({ $orderby: `${definition.keyField} asc` }, options),
  });
}

/**
 * Lists the rows of one parent, in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param options - OData options merged into the default query
 * @param defaults - default options of this resource (merged under the caller's)
 * @returns the rows
 * @throws the parent's NotFound error
 */
export function getRowsByParent<T, P>(
  client: Client,
  definition: DependentResource<P>,
  parent: P,
  options?: ODataOptions,
  defaults?: ODataOptions,
): Promise<T[]> {
  return listChildren<T, P>(
    client,
    definition.parent,
    parent,
    {
      resource: definition.resource,
      filter: (parentId): Filter => ({ [definition.parentField]: parentId }),
      orderBy: `${definition.keyField} asc`,
      defaults,
    },
    options,
  );
}

/**
 * Lists the rows whose parent matches a filter built from another resolved row (e.g. every device
 * variable of an application's devices), in key order.
 *
 * @param client - the client
 * @param definition - the resource
 * @param owner - how to find the owning row, and the owner as the caller gave it
 * @param filter - the filter for the owner's id
 * @param options - OData options merged into the default query
 * @param defaults - default options of this resource
 * @returns the rows
 * @throws the owner's NotFound error
 */
export function getRowsByOwner<T, P, O>(
  client: Client,
  definition: DependentResource<P>,
  owner: { readonly kind: ParentKind<O>; readonly value: O },
  filter: (ownerId: number) => Filter,
  options?: ODataOptions,
  defaults?: ODataOptions,
): Promise<T[]> {
  return listChildren<T, O>(
    client,
    owner.kind,
    owner.value,
    { resource: definition.resource, filter, orderBy: `${definition.keyField} asc`, defaults },
    options,
  );
}
