import type { Client } from '@balena-ts/core';
import { checkText } from '../internal/argument-checks.js';

/** The variable naming rules the API enforces on every write, as `GET /config/vars` reports them. */
export interface ConfigVarSchema {
  /** Names no variable may have. */
  readonly reservedNames: readonly string[];
  /** Prefixes reserved for the system. */
  readonly reservedNamespaces: readonly string[];
  /** A regular expression source: an env var name that matches it is invalid. */
  readonly invalidRegex: string;
  /** A regular expression source: a config var name that matches it is invalid. */
  readonly configVarInvalidRegex: string;
  /** System names users may still set. */
  readonly whiteListedNames: readonly string[];
  /** System prefixes users may still set. */
  readonly whiteListedNamespaces: readonly string[];
  /** Names users may never set. */
  readonly blackListedNames: readonly string[];
  /** A JSON schema of the supervisor's config variables (plus the device type's, when given). */
  readonly configVarSchema: Record<string, unknown>;
}

/**
 * Gets the rules and schema of configuration variables (`GET /config/vars`); with a device type,
 * its own configuration variables are included.
 *
 * @param client - the client
 * @param deviceType - a device type slug (optional)
 * @returns the schema
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty device type, before any request
 * @throws {@link @balena-ts/core#RequestError} when the API refuses (e.g. an unknown device type)
 * @example
 * ```ts
 * const { reservedNames, configVarSchema } = await getConfigVarSchema(client, 'raspberrypi4-64');
 * ```
 */
export async function getConfigVarSchema(client: Client, deviceType?: string): Promise<ConfigVarSchema> {
  if (deviceType !== undefined) checkText('deviceType', deviceType, 'expected a device type slug');
  // The API only needs credentials to resolve a (possibly private) device type.
  return client.request<ConfigVarSchema>('/config/vars', {
    query: { deviceType },
    auth: deviceType !== undefined,
  });
}
