import { type Client, parseRowId } from '@balena-ts/core';
import { dashboardUrl } from '../internal/urls.js';

/**
 * Builds the dashboard URL of an application, without a request.
 *
 * @param client - the client (for its `dashboardUrl`)
 * @param appId - the application id (a number, or a string of digits)
 * @returns `<dashboard>/apps/<id>`
 * @throws {@link @balena-ts/core#InvalidParameter} when the id is not a positive integer
 * @example
 * ```ts
 * getDashboardUrl(client, 42); // 'https://dashboard.balena-cloud.com/apps/42'
 * ```
 */
export function getDashboardUrl(client: Client, appId: number): string {
  return dashboardUrl(client, `/apps/${parseRowId(appId, 'appId')}`);
}
