import type { Client } from '@balena-ts/core';
import type { ApplicationId, DeviceUuid } from '../types.js';
import { warnDeprecated } from './deprecation.js';
import { CONTAINER_ACTION_TIMEOUT_MS } from './send.js';
import { byDeviceAndApp, callSupervisor } from './supervisor-call.js';
import { requireSupervisorVersion } from './supervisor-version.js';

// The single-container `/v1/apps/:appId` endpoints arrived with supervisor 1.8.0.
const APPS_ENDPOINT_MINIMUM_VERSION = '1.8.0';

/** One of the deprecated single-container application calls. */
export interface ApplicationActionOptions {
  functionName: string;
  /** Appended to `/v1/apps/<appId>`: `''`, `'/start'` or `'/stop'`. */
  suffix: '' | '/start' | '/stop';
  method: 'GET' | 'POST';
  lockable: boolean;
  advice: string;
}

/**
 * Sends a deprecated `/v1/apps/<appId>[/start|/stop]` call, saying once that it is deprecated.
 *
 * @param client - the client
 * @param options - which call
 * @param appId - the application (optional on the device)
 * @param deviceUuid - the device (optional on the device)
 * @returns the supervisor's answer
 */
export function applicationAction<T>(
  client: Client,
  options: ApplicationActionOptions,
  appId: ApplicationId | undefined,
  deviceUuid: DeviceUuid | undefined,
): Promise<T> {
  warnDeprecated(client, options.functionName, options.advice);
  return callSupervisor<T>(
    client,
    {
      functionName: options.functionName,
      needsAppId: true,
      checkTarget: (target) => requireSupervisorVersion(target, APPS_ENDPOINT_MINIMUM_VERSION, options.functionName),
      path: (target) => `/v1/apps/${target.appId}${options.suffix}`,
      method: options.method,
      proxyFilter: byDeviceAndApp,
      lockable: options.lockable,
      timeout: options.method === 'POST' ? CONTAINER_ACTION_TIMEOUT_MS : undefined,
    },
    deviceUuid,
    appId,
  );
}
