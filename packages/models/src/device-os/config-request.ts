import { ApplicationNotFound, type Client } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { translateStatus } from '../internal/request-errors.js';
import type { OsConfig } from './get-config.js';

/**
 * Sends `POST /download-config` for an application that is already resolved to its id.
 *
 * @param client - the client
 * @param application - the application argument as the caller gave it (for the error)
 * @param body - the validated options, with `appId` and `version`
 * @returns the config.json object
 * @throws {@link @balena-ts/core#ApplicationNotFound} when the API answers 404
 * @example
 * ```ts
 * const config = await requestOsConfig(client, 'admin/my-fleet', { appId: 42, version: '6.0.13', network: 'ethernet' });
 * ```
 */
export function requestOsConfig(
  client: Client,
  application: ApplicationIdentifier,
  body: Record<string, unknown> & { readonly appId: number; readonly version: string },
): Promise<OsConfig> {
  // The API answers 404 for an application the user cannot see.
  return translateStatus(
    client.request<OsConfig>('/download-config', { method: 'POST', body }),
    404,
    (cause) => new ApplicationNotFound(application, { cause }),
  );
}
