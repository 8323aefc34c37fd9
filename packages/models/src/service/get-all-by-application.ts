import type { Client, ODataOptions } from '@balena-ts/core';
import { type ApplicationIdentifier, getApplication } from '../internal/application.js';
import { checkODataOptions } from '../internal/odata-options.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type { Service } from '../types/service.js';

/**
 * Lists the services of an application in one request
 * (`GET /v7/application(…)?$select=id&$expand=service(<options>)`).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - the application: an id, a slug, a uuid or a name
 * @param options - OData options applied to the services; a literal `$select` narrows the result type
 * @returns the services
 * @throws InvalidParameter for a malformed application or options, before any request
 * @throws ApplicationNotFound, AmbiguousApplication
 * @example
 * ```ts
 * const services = await getAllByApplication(client, 'admin/my-fleet', { $select: ['id', 'service_name'] });
 * ```
 */
export async function getAllByApplication<const O extends TypedOptions<Service> = {}>(
  client: Client,
  slugOrUuidOrIdOrName: ApplicationIdentifier,
  options?: O,
): Promise<Selected<Service, O>[]> {
  const application = await getApplication<{ service: Selected<Service, O>[] }>(client, slugOrUuidOrIdOrName, {
    $select: 'id',
    $expand: { service: checkODataOptions(options as ODataOptions) ?? {} },
  });
  return application.service;
}
