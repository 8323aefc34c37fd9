import type { Client } from '@balena-ts/core';

/** The public configuration of a balena deployment (`GET /config`). */
export interface DeploymentConfig {
  readonly deployment?: string;
  /** The domain of public device URLs, e.g. `balena-devices.com`. */
  readonly deviceUrlsBase: string;
  readonly adminUrl?: string;
  readonly gitServerUrl?: string;
  readonly DEVICE_ONLINE_ICON?: string;
  readonly DEVICE_OFFLINE_ICON?: string;
  readonly signupCodeRequired?: boolean;
  readonly supportedSocialProviders?: readonly string[];
  readonly [field: string]: unknown;
}

/**
 * Gets the deployment's public configuration (`GET /config`, sent without credentials). Today's
 * answer no longer carries device types: see {@link getDeviceTypes}.
 *
 * @param client - the client
 * @returns the configuration
 * @throws {@link RequestError} when the server has no `/config` (open-balena answers 404)
 * @example
 * ```ts
 * const { deviceUrlsBase } = await getAll(client);
 * ```
 */
export async function getAll(client: Client): Promise<DeploymentConfig> {
  const config = await client.request<DeploymentConfig & { deviceTypes?: unknown }>('/config', { auth: false });
  const { deviceTypes: _deviceTypes, ...rest } = config;
  return rest;
}
