import type { Client } from '@balena-ts/core';
import type { ApplicationId, DeviceUuid } from '../types.js';
import { type SupervisorCommand, sendCommand } from './send.js';
import { type ProxyTarget, resolveTarget, type Target } from './target.js';

/**
 * What one public function asks of the supervisor, before its device is known: the pieces of a
 * {@link SupervisorCommand} that depend on the target are functions of it.
 */
export interface SupervisorCall extends Omit<SupervisorCommand, 'path' | 'data'> {
  /** The public function, for messages. */
  functionName: string;
  /** The supervisor's path, e.g. `'/v1/reboot'`, or a function of the target for a path with its app id. */
  path: string | ((target: Target) => string);
  /** The request body, once the target (and so its app id) is known. */
  data?: (target: Target) => Record<string, unknown>;
  /** Whether the function takes an app id, so that the proxy requires one; default true. */
  takesAppId?: boolean;
  /** Whether the path or the body needs an app id; default false. */
  needsAppId?: boolean;
  /**
   * Runs once the target is known and before anything is sent (a supervisor version check). A
   * function rather than data, so that a bundle pays only for the checks its functions use.
   */
  checkTarget?: (target: Target) => void;
}

/** The proxy's filter for calls that concern one device and its application: `{ deviceId, appId }`. */
export function byDeviceAndApp({ deviceId, appId }: ProxyTarget): Record<string, unknown> {
  return { deviceId, appId };
}

/** The proxy's filter for calls that name the device by its uuid: `{ uuid }`. */
export function byUuid({ uuid }: ProxyTarget): Record<string, unknown> {
  return { uuid };
}

/**
 * Describes a lockable `POST <path>` whose body is the app id, as purge and restart send it.
 *
 * @param call - the function's name and path, and a timeout when it needs one
 * @returns the call
 */
export function appIdCall(call: Pick<SupervisorCall, 'functionName' | 'path' | 'timeout'>): SupervisorCall {
  return {
    ...call,
    method: 'POST',
    needsAppId: true,
    data: ({ appId }) => ({ appId }),
    proxyFilter: byDeviceAndApp,
    lockable: true,
  };
}

/**
 * Makes one supervisor call for a public function: finds where the call goes, runs the call's
 * check of the target, and sends it.
 *
 * @param client - the client
 * @param call - what the function sends
 * @param deviceUuid - the caller's device (optional on the device itself)
 * @param appId - the caller's application (optional on the device itself)
 * @returns the supervisor's answer
 * @throws {@link @balena-ts/core#InvalidOption} when the target cannot be resolved from the arguments
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws what `checkTarget` throws
 * @throws what {@link sendCommand} throws
 */
export async function callSupervisor<T>(
  client: Client,
  call: SupervisorCall,
  deviceUuid: DeviceUuid | undefined,
  appId: ApplicationId | undefined,
): Promise<T> {
  const target = await resolveTarget(client, {
    functionName: call.functionName,
    deviceUuid,
    appId,
    takesAppId: call.takesAppId ?? true,
    needsAppId: call.needsAppId ?? false,
  });
  call.checkTarget?.(target);
  return sendCommand<T>(client, target, {
    path: typeof call.path === 'string' ? call.path : call.path(target),
    method: call.method,
    data: call.data?.(target),
    proxyFilter: call.proxyFilter,
    lockable: call.lockable,
    timeout: call.timeout,
  });
}
