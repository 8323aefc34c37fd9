import {
  AmbiguousApplication,
  ApplicationNotFound,
  type Client,
  InvalidParameter,
  mergeOptions,
} from '@balena-ts/core';
import { DIRECTLY_ACCESSIBLE } from '../internal/application.js';
import { checkText } from '../internal/argument-checks.js';
import { checkODataOptions } from '../internal/odata-options.js';
import type { Application } from '../types/application.js';
import type { Selected, TypedOptions } from '../types/options.js';

/**
 * Gets the one application with this exact name (names are unique per organization, so a user of
 * several organizations may see more than one).
 *
 * @param client - the client
 * @param appName - the application name
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @param context - `'directly_accessible'` to match only applications the user reaches directly
 * @returns the application
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name, an unknown context, or options that are not an object
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no application has that name
 * @throws {@link @balena-ts/core#AmbiguousApplication} when several applications have that name
 * @example
 * ```ts
 * const app = await getAppByName(client, 'my-fleet', { $select: ['id', 'slug'] });
 * ```
 */
export async function getAppByName<const O extends TypedOptions<Application> = Record<never, never>>(
  client: Client,
  appName: string,
  options?: O,
  context?: 'directly_accessible',
): Promise<Selected<Application, O>> {
  checkText('appName', appName, 'expected an application name');
  if (context !== undefined && context !== 'directly_accessible') {
    throw new InvalidParameter('context', context, "expected 'directly_accessible' or nothing");
  }
  const filter =
    context === 'directly_accessible' ? { $and: [DIRECTLY_ACCESSIBLE, { app_name: appName }] } : { app_name: appName };
  const rows = await client.pine.get<Selected<Application, O>>({
    resource: 'application',
    options: mergeOptions({ $filter: filter }, checkODataOptions(options)),
  });
  if (rows.length === 0) throw new ApplicationNotFound(appName);
  if (rows.length > 1) throw new AmbiguousApplication(appName);
  return rows[0] as Selected<Application, O>;
}
