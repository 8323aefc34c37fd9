import { type Client, DeviceOffline, NotLoggedIn, RequestError, SupervisorLocked } from '@balena-ts/core';
import type { ProxyTarget, Target } from './target.js';

/**
 * The timeout of the container actions (restart, the service actions, start/stop application), in
 * milliseconds: the proxy waits while the supervisor stops and starts containers, slow on small devices.
 */
export const CONTAINER_ACTION_TIMEOUT_MS = 50_000;

const NO_ONLINE_DEVICE_PATTERN = /no online device/i;

/** One supervisor API call, described for both endpoints. */
export interface SupervisorCommand {
  /** The supervisor's own path, e.g. `'/v1/reboot'`; the proxy serves it under `/supervisor`. */
  path: string;
  /** The method the supervisor expects. */
  method: 'GET' | 'POST';
  /** The supervisor's request body (the proxy forwards it as `data`). */
  data?: Record<string, unknown>;
  /** The proxy's device filter: `{ uuid }`, `{ deviceId }` or `{ deviceId, appId }`. */
  proxyFilter(target: ProxyTarget): Record<string, unknown>;
  /**
   * Whether a 423 means an update lock refused the action. balena's SDKs map it so for restart,
   * reboot, shutdown, purge, stopService, restartService and (Python) stopApplication only.
   */
  lockable: boolean;
  /** Milliseconds; default the client's timeout. */
  timeout?: number;
}

function describeDevice(target: Target): string {
  return target.kind === 'proxy' ? target.uuid : 'the local device';
}

function mapError(thrown: unknown, target: Target, command: SupervisorCommand): unknown {
  // Core reads a 401 on a request without an API credential as "not logged in"; from the local
  // supervisor it means its API key was refused, so keep the plain 401.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: through the proxy the device lookup comes first and raises NotLoggedIn itself
  const error = target.kind === 'local' && thrown instanceof NotLoggedIn ? thrown.cause : thrown;
  if (!(error instanceof RequestError)) return error;
  if (error.status === 423 && command.lockable) {
    return new SupervisorLocked(`Supervisor locked: ${describeDevice(target)} holds an update lock`, { cause: error });
  }
  if (target.kind === 'proxy' && error.status === 404 && NO_ONLINE_DEVICE_PATTERN.test(String(error.body))) {
    return new DeviceOffline(`The device is offline: ${target.uuid}`, { cause: error });
  }
  return error;
}

/**
 * Sends a supervisor call to its target: `POST /supervisor<path>` on the API (with the device
 * filter, the method and the data in the body), or `<method> <address><path>?apikey=<key>` on
 * the local supervisor.
 *
 * @param client - the client
 * @param target - where the call goes
 * @param command - the call
 * @returns the supervisor's answer: parsed JSON, text, or undefined when empty
 * @throws {@link SupervisorLocked} on a 423 for a lockable action
 * @throws {@link DeviceOffline} when the proxy finds no online device
 * @throws {@link RequestError} for any other failing status (a 401 from the local supervisor: a refused key)
 */
export async function sendCommand<T>(client: Client, target: Target, command: SupervisorCommand): Promise<T> {
  try {
    if (target.kind === 'local') {
      return await client.request<T>(command.path, {
        baseUrl: target.supervisor.address,
        method: command.method,
        query: { apikey: target.supervisor.apiKey },
        body: command.data,
        auth: false,
        timeout: command.timeout,
      });
    }
    const body: Record<string, unknown> = { ...command.proxyFilter(target) };
    if (command.method !== 'POST') body.method = command.method;
    // Stryker disable next-line ConditionalExpression: a data of undefined is left out of the JSON all the same
    if (command.data !== undefined) body.data = command.data;
    return await client.request<T>(`/supervisor${command.path}`, { method: 'POST', body, timeout: command.timeout });
  } catch (error) {
    throw mapError(error, target, command);
  }
}
