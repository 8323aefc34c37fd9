import { type Client, InvalidParameter } from '@balena-ts/core';
import type { DeviceUuid } from '../types.js';
import { CONTAINER_ACTION_TIMEOUT_MS } from './send.js';
import { byDeviceAndApp, callSupervisor } from './supervisor-call.js';
import { requireSupervisorVersion } from './supervisor-version.js';

// The v2 service endpoints arrived with supervisor 7.0.0.
const SERVICE_ACTIONS_MINIMUM_VERSION = '7.0.0';

/** The three v2 service actions. */
export type ServiceAction = 'restart-service' | 'start-service' | 'stop-service';

/**
 * Sends `POST /v2/applications/<appId>/<action>` with `{ appId, imageId }` to the device's supervisor.
 *
 * @param client - the client
 * @param functionName - for messages
 * @param action - which action
 * @param deviceUuid - the device (optional on the device itself)
 * @param imageId - the image of the service
 * @param lockable - whether a 423 is an update lock
 * @returns the supervisor's answer
 */
export async function serviceAction(
  client: Client,
  functionName: string,
  action: ServiceAction,
  deviceUuid: DeviceUuid | undefined,
  imageId: number,
  lockable: boolean,
): Promise<string> {
  if (!Number.isSafeInteger(imageId) || imageId <= 0) {
    throw new InvalidParameter('imageId', imageId, 'expected a positive integer');
  }
  return callSupervisor<string>(
    client,
    {
      functionName,
      takesAppId: false,
      needsAppId: true,
      checkTarget: (target) => requireSupervisorVersion(target, SERVICE_ACTIONS_MINIMUM_VERSION, functionName),
      path: (target) => `/v2/applications/${target.appId}/${action}`,
      method: 'POST',
      data: (target) => ({ appId: target.appId, imageId }),
      proxyFilter: byDeviceAndApp,
      lockable,
      timeout: CONTAINER_ACTION_TIMEOUT_MS,
    },
    deviceUuid,
    undefined,
  );
}
