import { type ClientConfig, checkOptionsObject, InvalidParameter } from '../index.js';
import {
  DEFAULT_IMAGE_CACHE_TIME_MS,
  DEVICE_ACTIONS_ENDPOINT_VERSION,
  type SettingKey,
  type SettingValue,
} from './setting-keys.js';

/**
 * Computes every known setting from a client's configuration, as the balena Python SDK's derived keys were
 * computed from its config file (`pine_endpoint` from `api_endpoint` and `api_version`, ...).
 * Keys without a value (`device_urls_base` when unset, the rate-limit keys the client does not
 * use) are left out, so `has` answers false for them.
 *
 * @param config - the client's resolved configuration
 * @returns the derived settings, keyed by {@link SettingKey}
 * @throws InvalidParameter when `config` is not a client configuration (no `apiUrl` and
 *   `apiVersion` strings)
 * @example
 * ```ts
 * deriveSettings(client.config).pine_endpoint; // 'https://api.balena-cloud.com/v7/'
 * ```
 */
export function deriveSettings(config: ClientConfig): Partial<Record<SettingKey, SettingValue>> {
  checkClientConfig(config);
  const apiUrl = trimTrailingSlashes(config.apiUrl);
  const { protocol, host } = splitUrl(apiUrl);
  const balenaHost = host.startsWith('api.') ? host.slice('api.'.length) : host;
  const settings: Partial<Record<SettingKey, SettingValue>> = {
    balena_host: balenaHost,
    api_endpoint: config.apiUrl,
    api_version: config.apiVersion,
    pine_endpoint: `${apiUrl}/${config.apiVersion}/`,
    builder_url: `${protocol}//builder.${balenaHost}/`,
    dashboard_url: config.dashboardUrl,
    device_actions_endpoint_version: DEVICE_ACTIONS_ENDPOINT_VERSION,
    data_directory: config.dataDirectory ?? false,
    cache_directory: config.dataDirectory ? joinPath(config.dataDirectory, 'cache') : false,
    image_cache_time: DEFAULT_IMAGE_CACHE_TIME_MS,
    token_refresh_interval: config.tokenRefreshInterval,
    timeout: config.timeout,
    retry: config.retry,
    retry_delay: config.retryDelay,
    request_batch_size: config.requestBatchSize,
    retry_rate_limited_request: config.retry > 0,
  };
  if (config.deviceUrlsBase) settings.device_urls_base = config.deviceUrlsBase;
  return settings;
}

function checkClientConfig(config: ClientConfig): void {
  const { apiUrl, apiVersion, dataDirectory } = checkOptionsObject('config', config);
  if (typeof apiUrl !== 'string' || typeof apiVersion !== 'string') {
    throw new InvalidParameter('config', config, 'expected a client configuration (client.config)');
  }
  if (dataDirectory !== undefined && typeof dataDirectory !== 'string') {
    throw new InvalidParameter('config', config, 'dataDirectory must be a string');
  }
}

function trimTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

function splitUrl(url: string): { protocol: string; host: string } {
  try {
    const parsed = new URL(url);
    return { protocol: parsed.protocol, host: parsed.host };
  } catch {
    // createClient validates apiUrl; an odd value still yields settings rather than an error here.
    return { protocol: 'https:', host: url };
  }
}

function joinPath(directory: string, name: string): string {
  // Platform-neutral code cannot import node:path; keep the separator the directory already uses.
  const separator = directory.includes('\\') && !directory.includes('/') ? '\\' : '/';
  return directory.endsWith(separator) ? `${directory}${name}` : `${directory}${separator}${name}`;
}
