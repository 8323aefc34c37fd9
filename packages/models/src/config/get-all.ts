import type { Client } from '@balena-ts/core';

/** The public configuration of a balena deployment (`GET /config`). */
export interface DeploymentConfig {
  /** The deployment name. */
  readonly deployment?: string;
  /** The domain of public device URLs, e.g. `balena-devices.com`. */
  readonly deviceUrlsBase: string;
  /** The admin URL. */
  readonly adminUrl?: string;
  /** The git server URL. */
  readonly gitServerUrl?: string;
  /** The online icon. */
  readonly DEVICE_ONLINE_ICON?: string;
  /** The offline icon. */
  readonly DEVICE_OFFLINE_ICON?: string;
  /** True when signing up needs a code. */
  readonly signupCodeRequired?: boolean;
  /** The social login providers. */
  readonly supportedSocialProviders?: readonly string[];
  /** Other fields, as the API sent them. */
  readonly [field: string]: unknown;
}

/**
 * Gets the deployment's public configuration (`GET /config`, sent without credentials). Today's
 * answer no longer carries device types: see {@link getDeviceTypes}.
 *
 * @param client - the client
 * @returns the configuration
 * @throws {@link @balena-ts/core#RequestError} when the server has no `/config` (open-balena answers 404)
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
