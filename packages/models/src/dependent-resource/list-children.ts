import { type Client, type Filter, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { checkODataOptions } from '../internal/odata-options.js';
import { type ParentKind, withParent } from './parent-kind.js';

/** Which rows of a resource belong to a resolved parent, and their default order. */
export interface ChildQuery {
  /** The OData resource to list. */
  readonly resource: string;
  /** The filter that selects the children of the parent with this id. */
  readonly filter: (parentId: number) => Filter;
  /** The default `$orderby` (a caller's `$orderby` replaces it). */
  readonly orderBy?: string;
  /** Default options merged under the caller's (e.g. an `$expand` balena's Python SDK returned). */
  readonly defaults?: ODataOptions;
}

/**
 * Lists the rows that belong to a parent, in one request when the parent is given by id (and one
 * more, only when nothing comes back, to tell "no rows" from "no parent").
 *
 * @param client - the client
 * @param kind - how to find the parent
 * @param parent - the parent as the caller gave it
 * @param query - the resource, the filter and the default order
 * @param options - the caller's OData options, merged by core's rules
 * @returns the rows
 * @throws InvalidParameter for options that are not OData options (before any request); the parent's NotFound error
 */
export async function listChildren<T, P>(
  client: Client,
  kind: ParentKind<P>,
  parent: P,
  query: ChildQuery,
  options?: ODataOptions,
): Promise<T[]> {
  const callerOptions = checkODataOptions(options);
  return withParent(
    client,
    kind,
    parent,
    (parentId) =>
      client.pine.get<T>({
        resource: query.resource,
        options: mergeOptions(
          mergeOptions(
            { $filter: query.filter(parentId), ...(query.orderBy ? { $orderby: query.orderBy } : {}) },
            query.defaults,
          ),
          callerOptions,
        ),
      }),
    (rows) => rows.length === 0,
  );
}
