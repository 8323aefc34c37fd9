import type { Client } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import type { Application } from '../types/application.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * Gets one application by id, slug (`org/name`), uuid or name.
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid, or an application name (the balena Python SDK's argument)
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the application
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @example
 * ```ts
 * const app = await get(client, 'admin/my-fleet', { $select: ['id', 'app_name'] });
 * console.log(app.id, app.app_name);
 * ```
 */
export function get<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<Application, O>> {
  return getApplication<Selected<Application, O>>(client, slugOrUuidOrIdOrName, options);
}

/**
 * Gets one application by its numeric id (the balena Python SDK's `get_by_id`; {@link get} accepts ids too).
 *
 * @param client - the client
 * @param appId - the application id
 * @param options - OData options merged into the query
 * @returns the application
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no application has that id
 * @example
 * ```ts
 * const app = await getById(client, 42);
 * ```
 */
export function getById<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  appId: number,
  options?: O,
): Promise<Selected<Application, O>> {
  return getApplication<Selected<Application, O>>(client, appId, options);
}
