import { type Client, SupervisorLocked } from '@balena-ts/core';
import { translateStatus } from './request-errors.js';

/** What the API's supervisor proxy forwards: the devices it names and the supervisor's own body. */
export interface SupervisorProxyBody {
  /** One device, by id. */
  readonly deviceId?: number;
  /** Every device of a fleet, or the fleet of `deviceId`. */
  readonly appId?: number;
  /** The body the supervisor gets. */
  readonly data?: Record<string, unknown>;
}

/**
 * Sends a lockable action through the API's supervisor proxy (`POST /supervisor/v1/<action>`):
 * to one device, or with only `appId` to every online device of a fleet. A 423 (an update lock
 * holds) becomes {@link @balena-ts/core#SupervisorLocked}, as balena's SDKs report it.
 *
 * @param client - the client
 * @param path - the supervisor path, e.g. `/v1/reboot`
 * @param body - the devices and the supervisor's body
 * @param timeoutMs - how long to wait, for actions that stop and start containers
 * @returns the proxy's answer (one device's answer, or a list for several)
 * @throws {@link @balena-ts/core#SupervisorLocked} on a 423
 * @throws {@link @balena-ts/core#RequestError} for any other refusal (404 "No online device(s) found")
 * @example
 * ```ts
 * await sendSupervisorAction(client, '/v1/reboot', { appId, data: { force: false } });
 * ```
 */
export function sendSupervisorAction(
  client: Client,
  path: string,
  body: SupervisorProxyBody,
  timeoutMs?: number,
): Promise<unknown> {
  return translateStatus(
    client.request(`/supervisor${path}`, {
      method: 'POST',
      body,
      ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
    }),
    423,
    (cause) => new SupervisorLocked(undefined, { cause }),
  );
}
