import { type Client, MissingOption } from '@balena-ts/core';
import {
  type ApplicationIdentifier,
  checkApplicationIdentifier,
  resolveApplicationId,
} from '../internal/application.js';
import { requestOsConfig } from './config-request.js';
import { checkNetworkParams } from './parse-params.js';

/** Options of an image's config.json (the balena Python SDK's `get_config` options). */
export interface OsConfigOptions {
  /** The OS version of the image: required. */
  readonly version: string;
  /** `'ethernet'` (the default) or `'wifi'`. */
  readonly network?: 'ethernet' | 'wifi';
  /** How often the device polls for updates, in minutes. */
  readonly appUpdatePollInterval?: number;
  /** The wifi passphrase. */
  readonly wifiKey?: string;
  /** The wifi network name; required for wifi. */
  readonly wifiSsid?: string;
  /** A static IP address. */
  readonly ip?: string;
  /** The static IP gateway. */
  readonly gateway?: string;
  /** The static IP netmask. */
  readonly netmask?: string;
  /** Defaults to the application's device type. */
  readonly deviceType?: string;
  /** A development image: SSH open, no authentication. */
  readonly developmentMode?: boolean;
  /** The provisioning key the API creates for this config. */
  readonly provisioningKeyName?: string;
  /** The description of that provisioning key. */
  readonly provisioningKeyDescription?: string;
  /** When that provisioning key expires (ISO 8601). */
  readonly provisioningKeyExpiryDate?: string;
  /** Other options the API or the device type accepts are passed through. */
  readonly [option: string]: unknown;
}

/** A config.json document: the API decides its fields (applicationId, deviceType, apiKey, ...). */
export interface OsConfig {
  /** The application id. */
  readonly applicationId: number;
  /** The device type slug. */
  readonly deviceType: string;
  /** The API URL the device will talk to. */
  readonly apiEndpoint: string;
  /** Other fields, as the API sent them. */
  readonly [field: string]: unknown;
}

/**
 * Gets the config.json of an OS image for an application (`POST /download-config`). The API
 * creates a provisioning key for it.
 *
 * @param client - the client
 * @param appId - an id, a slug, a uuid or an application name
 * @param options - the OS version (required) and network settings
 * @returns the config.json object
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed application argument, before any request
 * @throws {@link @balena-ts/core#MissingOption} when `options.version` is missing, or `wifiSsid` for wifi, before any request
 * @throws {@link @balena-ts/core#InvalidOption} for an invalid network or poll interval, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the application does not exist or is not visible
 * @example
 * ```ts
 * const config = await getConfig(client, 'admin/my-fleet', { version: '6.0.13', network: 'wifi', wifiSsid: 'office' });
 * ```
 */
export async function getConfig(
  client: Client,
  appId: ApplicationIdentifier,
  options: OsConfigOptions,
): Promise<OsConfig> {
  checkApplicationIdentifier(appId);
  if (
    options === null ||
    typeof options !== 'object' ||
    typeof options.version !== 'string' ||
    options.version.trim() === ''
  ) {
    throw new MissingOption('Missing option: version (an OS version is required for a config.json)');
  }
  const network = checkNetworkParams(options);
  const applicationId = await resolveApplicationId(client, appId);
  return requestOsConfig(client, appId, { ...options, network, appId: applicationId, version: options.version });
}
