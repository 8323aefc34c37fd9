import { type Client, InvalidParameter, isPositiveId, ServiceNotFound } from '@balena-ts/core';
import { getApplication } from './application.js';
import { getRow } from './rows.js';

/** How a caller may name a service: its id, or its application and service name. */
export type ServiceIdentifier = number | { readonly application: string | number; readonly service_name: string };

const PARAMETER_NAME = 'serviceIdOrNaturalKey';

/**
 * Validates a service argument.
 *
 * @param service - a service id, or `{ application, service_name }`
 * @returns the id, or the checked key
 * @throws InvalidParameter for anything else
 */
export function checkServiceIdentifier(service: ServiceIdentifier): ServiceIdentifier {
  const value: unknown = service;
  if (isPositiveId(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const { application, service_name } = value as { application?: unknown; service_name?: unknown };
    const applicationGiven = isPositiveId(application) || (typeof application === 'string' && application !== '');
    if (applicationGiven && typeof service_name === 'string' && service_name !== '') return service;
  }
  throw new InvalidParameter(PARAMETER_NAME, value, 'expected a service id or { application, service_name }');
}

/**
 * Finds a service's id from its application and name in one request
 * (`GET /v7/application(…)?$select=id&$expand=service($select=id;$filter=service_name eq '…')`).
 *
 * @param client - the client
 * @param key - the application (id, slug, uuid or name) and the service name
 * @returns the service id
 * @throws ApplicationNotFound, AmbiguousApplication
 * @throws ServiceNotFound when the application has no service of that name
 */
export async function findServiceId(
  client: Client,
  key: { readonly application: string | number; readonly service_name: string },
): Promise<number> {
  const application = await getApplication<{ service: { id: number }[] }>(client, key.application, {
    $select: 'id',
    $expand: { service: { $select: 'id', $filter: { service_name: key.service_name } } },
  });
  const service = application.service[0];
  if (service === undefined) throw new ServiceNotFound(key.service_name);
  return service.id;
}

/**
 * Checks that a service id exists (`GET /v7/service(id)?$select=id`).
 *
 * @param client - the client
 * @param id - the service id
 * @throws ServiceNotFound when it does not
 */
export async function confirmService(client: Client, id: number): Promise<void> {
  await getRow(client, 'service', id, { $select: 'id' }, () => new ServiceNotFound(id));
}
