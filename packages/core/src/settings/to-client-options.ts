import { type ClientOptions, checkOptionsObject } from '../index.js';
import type { SettingKey, SettingValue } from './setting-keys.js';

/**
 * Maps settings (the balena Python SDK's keys, as read from env vars or a settings file) to client options.
 * `balena_host` stands for the whole balena deployment, as the CLI's `balenaUrl` does: it gives
 * `https://api.<host>` and `https://dashboard.<host>` unless those are set on their own.
 * Settings without a client option (`image_cache_time`, derived keys) are ignored.
 *
 * @param settings - settings with values already parsed (see `parseSettingValue`)
 * @returns the matching client options; keys without a setting are absent
 * @throws InvalidParameter when `settings` is not an object
 * @example
 * ```ts
 * const options = toClientOptions({ balena_host: 'balena-staging.com', timeout: 10_000 });
 * // { apiUrl: 'https://api.balena-staging.com', dashboardUrl: 'https://dashboard.balena-staging.com', timeout: 10000 }
 * ```
 */
export function toClientOptions(settings: Partial<Record<SettingKey | (string & {}), SettingValue>>): ClientOptions {
  const checked = checkOptionsObject('settings', settings);
  const options: { -readonly [K in keyof ClientOptions]: ClientOptions[K] } = {};
  const text = (key: SettingKey): string | undefined => {
    const value = checked[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const count = (key: SettingKey): number | undefined => {
    const value = checked[key];
    return typeof value === 'number' ? value : undefined;
  };
  const host = text('balena_host');
  const apiUrl = text('api_endpoint') ?? (host ? `https://api.${host}` : undefined);
  if (apiUrl) options.apiUrl = apiUrl.replace(/\/+$/, '');
  const dashboardUrl = text('dashboard_url') ?? (host ? `https://dashboard.${host}` : undefined);
  if (dashboardUrl) options.dashboardUrl = dashboardUrl;
  const apiVersion = text('api_version');
  if (apiVersion) options.apiVersion = apiVersion;
  const dataDirectory = text('data_directory');
  if (dataDirectory) options.dataDirectory = dataDirectory;
  const deviceUrlsBase = text('device_urls_base');
  if (deviceUrlsBase) options.deviceUrlsBase = deviceUrlsBase;
  const timeout = count('timeout');
  if (timeout !== undefined) options.timeout = timeout;
  const retry = count('retry');
  if (retry !== undefined) options.retry = retry;
  const retryDelay = count('retry_delay');
  if (retryDelay !== undefined) options.retryDelay = retryDelay;
  const requestBatchSize = count('request_batch_size');
  if (requestBatchSize !== undefined) options.requestBatchSize = requestBatchSize;
  const tokenRefreshInterval = count('token_refresh_interval');
  if (tokenRefreshInterval !== undefined) options.tokenRefreshInterval = tokenRefreshInterval;
  return options;
}
