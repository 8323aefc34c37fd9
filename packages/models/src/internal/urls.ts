import type { Client } from '@balena-ts/core';

/**
 * The dashboard base URL: the `dashboardUrl` option, else the API URL with its first `api`
 * replaced by `dashboard` (core resolves this into `client.config.dashboardUrl`).
 *
 * @param client - the client
 * @param path - an absolute path on the dashboard
 * @returns the full URL
 * @example
 * ```ts
 * dashboardUrl(client, '/apps/42'); // 'https://dashboard.balena-cloud.com/apps/42'
 * ```
 */
export function dashboardUrl(client: Client, path: string): string {
  return new URL(path, client.config.dashboardUrl).toString();
}
