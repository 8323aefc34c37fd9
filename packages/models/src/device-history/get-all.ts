import { type Client, type Filter, InvalidParameter, mergeOptions, type ODataOptions } from '@balena-ts/core';
import type { ApplicationIdentifier } from '../internal/application.js';
import { checkObjectArgument } from '../internal/argument-checks.js';
import { type DeviceIdentifier, deviceKey } from '../internal/device.js';
import { fetchApplicationId } from '../internal/fetched-application.js';
import { getRows } from '../internal/rows.js';
import type { DeviceHistory } from '../types/device-history.js';
import type { Selected, TypedOptions } from '../types/options.js';

// Without a `fromDate`, balena's SDK asks for the last week.
const DEFAULT_HISTORY_DAYS = 7;
const DAY_MS = 86_400_000;

/** The time range of a history query: rows created between the two dates, both included. */
export interface DeviceHistoryDateFilter {
  /** The earliest `created_at`; default 7 days ago, `null` for no lower bound. */
  fromDate?: Date | null;
  /** The latest `created_at`; default none. */
  toDate?: Date | null;
}

function checkDate(name: string, value: unknown): Date | undefined {
  if (value === undefined || value === null) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidParameter(name, value, 'expected a valid Date');
  }
  return value;
}

function timeRange(dateFilter: DeviceHistoryDateFilter | undefined): Filter {
  if (dateFilter !== undefined) checkObjectArgument('dateFilter', dateFilter, 'expected { fromDate?, toDate? }');
  // As in balena's SDK: an absent `fromDate` means a week ago, `null` means no lower bound.
  const fromDate =
    dateFilter?.fromDate === undefined
      ? new Date(Date.now() - DEFAULT_HISTORY_DAYS * DAY_MS)
      : checkDate('fromDate', dateFilter.fromDate);
  const toDate = checkDate('toDate', dateFilter?.toDate);
  const createdAt: Record<string, Date> = {};
  if (fromDate) createdAt.$ge = fromDate;
  if (toDate) createdAt.$le = toDate;
  return Object.keys(createdAt).length > 0 ? { created_at: createdAt } : {};
}

function query<O>(client: Client, filter: Filter, options: O | undefined): Promise<Selected<DeviceHistory, O>[]> {
  return getRows<Selected<DeviceHistory, O>>(client, 'device_history', { $filter: filter }, options as ODataOptions);
}

/**
 * Lists the history of one device: a row per state it was in (fleet, releases, OS and supervisor
 * versions, active state), kept after the device moved or was deleted.
 *
 * @param client - the client
 * @param uuidOrId - the device: a numeric id, or a full uuid (which also finds a deleted device's rows)
 * @param dateFilter - `fromDate` (default 7 days ago; `null` for no lower bound) and `toDate`
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the rows, possibly none
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed device, date or option, before any request
 * @example
 * ```ts
 * const rows = await getAllByDevice(client, uuid, { fromDate: new Date(Date.now() - 30 * 86_400_000) });
 * ```
 */
export async function getAllByDevice<const O extends TypedOptions<DeviceHistory> = Record<never, never>>(
  client: Client,
  uuidOrId: DeviceIdentifier,
  dateFilter?: DeviceHistoryDateFilter,
  options?: O,
): Promise<Selected<DeviceHistory, O>[]> {
  const device = deviceKey(uuidOrId);
  const range = timeRange(dateFilter);
  // By uuid rather than by the device link: the link goes null when the device is deleted.
  const filter = typeof device === 'number' ? { tracks__device: device } : { uuid: device.uuid };
  return query(client, { ...range, ...filter }, options);
}

/**
 * Lists the history rows written while devices were in one fleet.
 *
 * @param client - the client
 * @param slugOrUuidOrId - the fleet: an id, a slug `org/name`, a uuid or a name
 * @param dateFilter - `fromDate` (default 7 days ago; `null` for no lower bound) and `toDate`
 * @param options - OData options merged into the query; a literal `$select` narrows the result type
 * @returns the rows, possibly none
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed fleet, date or option, before any request
 * @throws {@link @balena-ts/core#ApplicationNotFound} when no fleet matches
 * @example
 * ```ts
 * const rows = await getAllByApplication(client, 'myorg/myfleet', { toDate: new Date() });
 * ```
 */
export async function getAllByApplication<const O extends TypedOptions<DeviceHistory> = Record<never, never>>(
  client: Client,
  slugOrUuidOrId: ApplicationIdentifier,
  dateFilter?: DeviceHistoryDateFilter,
  options?: O,
): Promise<Selected<DeviceHistory, O>[]> {
  const range = timeRange(dateFilter);
  // Refuse bad options before the fleet is looked up.
  mergeOptions({}, options as ODataOptions | undefined);
  // Looked up even by id, as balena's SDK does: an unknown or hidden fleet is ApplicationNotFound, not [].
  const id = await fetchApplicationId(client, slugOrUuidOrId);
  return query(client, { ...range, belongs_to__application: id }, options);
}
