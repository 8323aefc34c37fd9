import { type Client, mergeOptions } from '@balena-ts/core';
import {
  type ApplicationIdentifier,
  DIRECTLY_ACCESSIBLE,
  DIRECTLY_ACCESSIBLE_BY_NAME,
  getApplication,
} from '../internal/application.js';
import { checkODataOptions } from '../internal/odata-options.js';
import { getRows } from '../internal/rows.js';
import type { Application } from '../types/application.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * Gets every application the user reaches directly (through an organization or a membership,
 * not only as a public application), ordered by name.
 *
 * @param client - the client
 * @param options - OData options merged into the query
 * @returns the applications
 * @throws {@link @balena-ts/core#InvalidParameter} when `options` is not an object of OData options
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * const apps = await getAllDirectlyAccessible(client, { $select: ['id', 'slug'] });
 * ```
 */
export async function getAllDirectlyAccessible<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<Application, O>[]> {
  return getRows<Selected<Application, O>>(
    client,
    'application',
    DIRECTLY_ACCESSIBLE_BY_NAME,
    checkODataOptions(options),
  );
}

/**
 * Gets one application the user reaches directly, by id, slug, uuid or name: a public application
 * the user is not a member of counts as not found.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug (`org/name`), a uuid, or an application name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the application
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, a malformed id, or options that are not an object
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no directly accessible application matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const app = await getDirectlyAccessible(client, 'admin/my-fleet', { $select: ['id', 'app_name'] });
 * ```
 */
export async function getDirectlyAccessible<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<Application, O>> {
  return getApplication<Selected<Application, O>>(
    client,
    slugOrUuidOrIdOrName,
    mergeOptions({ $filter: DIRECTLY_ACCESSIBLE }, checkODataOptions(options)),
  );
}
