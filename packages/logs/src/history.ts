import type { Client } from '@balena-ts/core';
import { checkCount } from './internal/check-count.js';
import { logsPath, logsQuery } from './internal/logs-path.js';
import { resolveDeviceUuid } from './internal/resolve-device.js';
import type { DeviceIdentifier, HistoryOptions, LogCount, LogLine } from './types.js';

/**
 * Reads a device's past log lines, oldest first.
 *
 * @param client - the client
 * @param uuid - the device: a full uuid or a numeric id
 * @param count - how many of the latest lines, or `'all'`; default the server's (1000)
 * @param options - `start`: only lines stored from then on; `signal`
 * @returns the lines, oldest first
 * @throws {@link @balena-ts/core#DeviceNotFound} when no device matches
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed uuid or count
 * @example
 * ```ts
 * for (const line of await history(client, uuid, 50)) console.log(line.message);
 * ```
 */
export async function history(
  client: Client,
  uuid: DeviceIdentifier,
  count?: LogCount,
  options: HistoryOptions = {},
): Promise<LogLine[]> {
  const checkedCount = checkCount(count);
  const deviceUuid = await resolveDeviceUuid(client, uuid, options.signal);
  const start = options.start instanceof Date ? options.start.getTime() : options.start;
  const lines = await client.request<LogLine[] | undefined>(logsPath(deviceUuid), {
    query: logsQuery({ count: checkedCount, start }),
    signal: options.signal,
    responseType: 'json',
  });
  return lines ?? [];
}
