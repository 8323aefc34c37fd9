// Which parameters of the public functions take an identifier, read from their names.
import type { IdentifierKind } from '@balena-ts/core/testing';

/**
 * The kind of identifier a public function's parameter takes, read from its name, or undefined.
 *
 * @param entry - the entry point, e.g. `@balena-ts/logs`
 * @param parameter - the parameter name
 * @returns the kind
 */
export function identifierKind(entry: string, parameter: string): IdentifierKind | undefined {
  if (['uuidOrId', 'uuidOrIdOrArray', 'deviceUuid'].includes(parameter)) return 'device';
  // `uuid` is a device to look up in logs; in models it is a new device's uuid (register) or a URL part.
  if (parameter === 'uuid' && entry.startsWith('@balena-ts/logs')) return 'device';
  if (parameter === 'id' && entry.startsWith('@balena-ts/models')) return 'rowId';
  if (['commitOrIdOrRawVersion', 'fullReleaseHashOrId'].includes(parameter)) return 'release';
  return undefined;
}
