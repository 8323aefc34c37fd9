import { type Client, SupervisorLocked } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { fetchApplicationId } from '../internal/fetched-application.js';
import { translateStatus } from '../internal/request-errors.js';

/**
 * Restarts the application's containers on every device (balena-cloud's
 * `POST /application/<id>/restart`; the API answers 423 when an update lock holds).
 *
 * @param client - the client
 * @param slugOrUuidOrIdOrName - an id, a slug, a uuid or an application name
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when nothing matches
 * @throws {@link @balena-ts/core#AmbiguousApplication} when a name matches several applications
 * @throws {@link @balena-ts/core#SupervisorLocked} when an update lock holds (423)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses (e.g. 404 on servers without the endpoint)
 * @returns resolves once the API accepted the restart
 * @example
 * ```ts
 * await restart(client, 'admin/my-fleet');
 * ```
 */
export async function restart(client: Client, slugOrUuidOrIdOrName: ApplicationIdentifier): Promise<void> {
  const id = await fetchApplicationId(client, slugOrUuidOrIdOrName);
  await translateStatus(
    client.request(`/application/${id}/restart`, { method: 'POST' }),
    423,
    (cause) => new SupervisorLocked(undefined, { cause }),
  );
}
