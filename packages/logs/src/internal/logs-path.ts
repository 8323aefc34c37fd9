import type { LogCount } from '../types.js';

/**
 * The query of a logs request, as balena's API reads it.
 *
 * @param parameters - stream, count and start
 * @returns the query object for `client.request`
 */
export function logsQuery(parameters: {
  stream?: boolean;
  count?: LogCount;
  start?: number;
}): Record<string, string | number | undefined> {
  return {
    stream: parameters.stream ? 1 : undefined,
    count: parameters.count,
    start: parameters.start,
  };
}

/**
 * The path of a device's logs.
 *
 * @param uuid - the device's full uuid
 * @returns `/device/v2/<uuid>/logs`
 */
export function logsPath(uuid: string): string {
  return `/device/v2/${encodeURIComponent(uuid)}/logs`;
}
