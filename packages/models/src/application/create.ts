import { type Client, InvalidApplicationType } from '@balena-ts/core';
import { getUserActor } from '../internal/actor.js';
import { checkText } from '../internal/argument-checks.js';
import { checkDeviceTypeArgument, findDeviceType } from '../internal/device-type.js';
import { checkOrganizationArgument, resolveOrganizationId } from '../internal/organization.js';
import type { Application, ApplicationClass } from '../types/application.js';

/** Options of {@link create}. */
export interface CreateApplicationOptions {
  /** The organization (handle or id) that owns the application; default: the user's own one. */
  readonly organization?: string | number;
  /** A uuid for the application (32 hex characters); the API generates one otherwise. */
  readonly uuid?: string;
}

const APPLICATION_CLASSES: readonly string[] = ['fleet', 'block', 'app'];

async function defaultOrganizationId(client: Client): Promise<number> {
  // On balena every user has an organization whose handle is the username.
  const user = await getUserActor(client);
  return resolveOrganizationId(client, user.username);
}

async function applicationTypeBody(client: Client, appType: string | undefined): Promise<Record<string, unknown>> {
  if (appType === undefined) return {};
  if (APPLICATION_CLASSES.includes(appType)) return { is_of__class: appType as ApplicationClass };
  // The balena Python SDK's application types (e.g. `microservices-starter`) are rows of `application_type`.
  const [row] = await client.pine.get<{ id: number }>({
    resource: 'application_type',
    options: { $select: 'id', $top: 1, $filter: { slug: appType } },
  });
  if (row === undefined) throw new InvalidApplicationType(`Invalid application type: ${appType}`);
  return { application_type: row.id };
}

/**
 * Creates an application (fleet).
 *
 * @param client - the client
 * @param name - the application name
 * @param deviceType - the device type's slug, alias or display name (balena's Python SDK took display names)
 * @param appType - an application class (`fleet`, `block`, `app`) or a legacy application type slug
 * @param options - the owning organization (default: the user's own) and an optional uuid
 * @returns the created application, with its `id`
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name, device type, application type or organization
 * @throws {@link @balena-ts/core#InvalidDeviceType} when the device type is unknown
 * @throws {@link @balena-ts/core#InvalidApplicationType} when the application type is unknown
 * @throws {@link @balena-ts/core#OrganizationNotFound} when the organization does not exist or is not visible
 * @throws {@link @balena-ts/core#NotLoggedIn} without `options.organization` when the credential is not a user's
 * @throws {@link @balena-ts/core#RequestError} 409 when the organization already has an application of that name
 * @example
 * ```ts
 * const app = await create(client, 'my-fleet', 'Raspberry Pi 4 (using 64bit OS)');
 * console.log(app.id, app.slug);
 * ```
 */
export async function create(
  client: Client,
  name: string,
  deviceType: string,
  appType?: string,
  options: CreateApplicationOptions = {},
): Promise<Application> {
  checkText('name', name, 'an application needs a name');
  // Checked here rather than in the lookups below: those start together, and one bad argument
  // must not send the others' requests.
  checkDeviceTypeArgument(deviceType);
  if (appType !== undefined) checkText('appType', appType, 'expected an application class or type slug');
  if (options.organization !== undefined) checkOrganizationArgument(options.organization);
  const [type, organization, typeBody] = await Promise.all([
    findDeviceType<{ id: number }>(client, deviceType, { $select: 'id' }),
    options.organization === undefined
      ? defaultOrganizationId(client)
      : resolveOrganizationId(client, options.organization),
    applicationTypeBody(client, appType),
  ]);
  return client.pine.post<Application>({
    resource: 'application',
    body: {
      app_name: name,
      is_for__device_type: type.id,
      organization,
      ...typeBody,
      ...(options.uuid === undefined ? {} : { uuid: options.uuid }),
    },
  });
}
