import { InvalidOption, isPositiveId, MissingOption } from '@balena-ts/core';

/** The network a device image is configured for. */
export type NetworkType = 'ethernet' | 'wifi';

/** The network types an OS image or config.json can be configured for. */
export const NETWORK_TYPES: readonly NetworkType[] = ['ethernet', 'wifi'];

/** Parameters of an OS image download or of an image's config.json (the balena Python SDK's `**params`). */
export interface OsParams {
  /** The device type's slug, alias or display name; defaults to the application's device type. */
  readonly deviceType?: string;
  /** The application the image joins: a number or a string of digits. */
  readonly appId?: number | string;
  /** An OS version, or `'latest'` (the default) for the newest release. */
  readonly version?: string;
  /** `'ethernet'` (the default) or `'wifi'`. */
  readonly network?: NetworkType;
  /** Required for wifi. */
  readonly wifiSsid?: string;
  /** The wifi passphrase. */
  readonly wifiKey?: string;
  /** How often the device polls for updates, in minutes. */
  readonly appUpdatePollInterval?: number | string;
  /** A development image (SSH open, no auth). */
  readonly developmentMode?: boolean;
  /** Static IP settings. */
  readonly ip?: string;
  /** The static IP gateway. */
  readonly gateway?: string;
  /** The static IP netmask. */
  readonly netmask?: string;
  /** The image file type (e.g. `.zip`). */
  readonly fileType?: string;
  /** The image variant (e.g. `raw`, `flasher`). */
  readonly imageType?: string;
  /** Other device-type-specific options are passed through unchanged. */
  readonly [option: string]: unknown;
}

/** {@link OsParams} after validation: `appId` a number, `network` and `version` filled in. */
export interface ParsedOsParams extends OsParams {
  /** The application id, as a number. */
  readonly appId?: number;
  /** The network, `ethernet` unless given. */
  readonly network: NetworkType;
  /** The OS version, `latest` unless given. */
  readonly version: string;
}

/**
 * Validates the parameters of an OS download or config.json (the balena Python SDK's `parse_params`), without a
 * request.
 *
 * @param params - the parameters
 * @returns the parameters with `appId` as a number and defaults filled in
 * @throws {@link @balena-ts/core#MissingOption} when neither `deviceType` nor `appId` is given, or `wifiSsid` is
 * missing for a wifi network
 * @throws {@link @balena-ts/core#InvalidOption} when `appId` is not a positive integer (or a string of digits),
 * `network` is not one of {@link NETWORK_TYPES}, or `appUpdatePollInterval` is not a positive number
 * @example
 * ```ts
 * parseParams({ appId: '42', network: 'wifi', wifiSsid: 'office' });
 * // { appId: 42, network: 'wifi', wifiSsid: 'office', version: 'latest' }
 * ```
 */
export function parseParams(params: OsParams): ParsedOsParams {
  if (params === null || typeof params !== 'object') throw new MissingOption('OS parameters are required');
  const { appId, deviceType } = params;
  if ((appId === undefined || appId === '') && (deviceType === undefined || deviceType === '')) {
    throw new MissingOption('Missing option: deviceType (or appId)');
  }
  let parsedAppId: number | undefined;
  if (appId !== undefined) {
    parsedAppId = typeof appId === 'string' && /^\d+$/.test(appId.trim()) ? Number(appId) : Number.NaN;
    if (typeof appId === 'number') parsedAppId = appId;
    if (!isPositiveId(parsedAppId)) {
      throw new InvalidOption(`Invalid option: appId must be a positive integer, got ${String(appId)}`);
    }
  }
  if (deviceType !== undefined && (typeof deviceType !== 'string' || deviceType.trim() === '')) {
    throw new InvalidOption('Invalid option: deviceType must be a non-empty string');
  }
  const network = checkNetworkParams(params);
  const version = params.version ?? 'latest';
  if (typeof version !== 'string' || version.trim() === '') {
    throw new InvalidOption('Invalid option: version must be a version string or "latest"');
  }
  const { appId: _appId, ...rest } = params;
  return { ...rest, ...(parsedAppId === undefined ? {} : { appId: parsedAppId }), network, version };
}

/**
 * Checks the network and polling options of an OS image or config.json (part of {@link parseParams}).
 *
 * @param params - the options
 * @returns the network, `ethernet` unless given
 * @throws {@link @balena-ts/core#MissingOption} when `wifiSsid` is missing for a wifi network
 * @throws {@link @balena-ts/core#InvalidOption} when `network` is not one of {@link NETWORK_TYPES}, or
 * `appUpdatePollInterval` is not a positive number
 * @example
 * ```ts
 * checkNetworkParams({ network: 'wifi', wifiSsid: 'office' }); // 'wifi'
 * ```
 */
export function checkNetworkParams(
  params: Pick<OsParams, 'network' | 'wifiSsid' | 'appUpdatePollInterval'>,
): NetworkType {
  const network = params.network ?? 'ethernet';
  if (!NETWORK_TYPES.includes(network)) {
    throw new InvalidOption(`Invalid option: network must be one of ${NETWORK_TYPES.join(', ')}`);
  }
  if (network === 'wifi' && (typeof params.wifiSsid !== 'string' || params.wifiSsid === '')) {
    throw new MissingOption('Missing option: wifiSsid (required for a wifi network)');
  }
  const interval = params.appUpdatePollInterval;
  if (interval !== undefined && !(Number(interval) > 0)) {
    throw new InvalidOption('Invalid option: appUpdatePollInterval must be a positive number of minutes');
  }
  return network;
}
