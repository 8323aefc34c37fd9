import { type Client, DeviceNotFound, RequestError } from '@balena-ts/core';
import { checkCount } from './internal/check-count.js';
import { checkStart } from './internal/check-start.js';
import { logsPath, logsQuery } from './internal/logs-path.js';
import { checkOptions, resolveDeviceUuid } from './internal/resolve-device.js';
import type { DeviceIdentifier, HistoryOptions, LogCount, LogLine } from './types.js';

/**
 * Reads a device's past log lines, oldest first. A full uuid costs one request (the logs
 * endpoint answers 404 for a device that does not exist or is not visible); a numeric id is
 * first looked up for its uuid.
 *
 * @param client - the client
 * @param uuid - the device: a full uuid or a numeric id
 * @param count - how many of the latest lines, or `'all'`; default the server's (1000)
 * @param options - `start`: only lines stored from then on; `signal`
 * @returns the lines, oldest first
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed uuid, count or options (a `start` that is not a
 *   non-negative number or a valid Date included)
 * @example
 * ```ts
 * for (const line of await history(client, uuid, 50)) console.log(line.message);
 * ```
 */
export async function history(
  client: Client,
  uuid: DeviceIdentifier,
  count?: LogCount,
  options?: HistoryOptions,
): Promise<LogLine[]> {
  const checkedCount = checkCount(count);
  const { start, signal } = checkOptions(options) as HistoryOptions;
  const startMs = checkStart(start);
  const deviceUuid = await resolveDeviceUuid(client, uuid, signal, false);
  try {
    const lines = await client.request<LogLine[] | undefined>(logsPath(deviceUuid), {
      query: logsQuery({ count: checkedCount, start: startMs }),
      signal,
      responseType: 'json',
    });
    return lines ?? [];
  } catch (error) {
    if (error instanceof RequestError && error.status === 404) throw new DeviceNotFound(uuid, { cause: error });
    throw error;
  }
}
