import {
  type Client,
  chunkFilterValues,
  DeviceNotFound,
  type Filter,
  InvalidParameter,
  mergeOptions,
  type ODataOptions,
} from '@balena-ts/core';
import { type DeviceIdentifier, deviceKey } from './device.js';

/**
 * The devices a batch write targets: one id, one full uuid, or an array of ids or of full uuids
 * (one kind per array).
 */
export type DeviceSelector = DeviceIdentifier | readonly number[] | readonly string[];

export { MAX_URL_LENGTH } from '@balena-ts/core';

const PARAMETER_NAME = 'uuidOrIdOrArray';

/** A validated selector: the ids or the lowercased uuids, deduplicated, with the caller's spelling kept for errors. */
export type DeviceSelection =
  | { readonly kind: 'id'; readonly values: readonly number[]; readonly originals: readonly number[] }
  | { readonly kind: 'uuid'; readonly values: readonly string[]; readonly originals: readonly string[] };

/**
 * Validates a device selector.
 *
 * @param selector - an id, a full uuid, or an array of either (one kind per array)
 * @param parameterName - the name errors report
 * @returns the selection
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, `[]`, a mixed array, or an element that is neither a
 * positive integer nor a full uuid
 * @example
 * ```ts
 * parseDeviceSelector([3, 1, 3]); // { kind: 'id', values: [3, 1], originals: [3, 1] }
 * ```
 */
export function parseDeviceSelector(selector: DeviceSelector, parameterName: string = PARAMETER_NAME): DeviceSelection {
  const elements: readonly unknown[] = Array.isArray(selector) ? selector : [selector];
  if (elements.length === 0) throw new InvalidParameter(parameterName, selector, 'expected at least one device');
  const kind = typeof elements[0] === 'number' ? 'id' : 'uuid';
  const values = new Map<string | number, string | number>();
  for (const element of elements) {
    const elementKind = typeof element === 'number' ? 'id' : typeof element === 'string' ? 'uuid' : 'other';
    if (elementKind !== kind) {
      throw new InvalidParameter(parameterName, selector, 'an array must hold only ids or only uuids');
    }
    const key = deviceKey(element as DeviceIdentifier, parameterName);
    const value = typeof key === 'number' ? key : key.uuid;
    if (!values.has(value)) values.set(value, element as string | number);
  }
  if (kind === 'id') {
    return { kind, values: [...values.keys()] as number[], originals: [...values.values()] as number[] };
  }
  return { kind, values: [...values.keys()] as string[], originals: [...values.values()] as string[] };
}

function listFilter(field: string, values: readonly (string | number)[]): Filter {
  return values.length === 1 ? { [field]: values[0] as string | number } : { [field]: { $in: [...values] } };
}

/**
 * Splits values into chunks for requests on `resource` with `$filter=<field> in (...)`, within
 * `client.config.requestBatchSize` values and {@link MAX_URL_LENGTH} characters each (core's
 * `chunkFilterValues`, with the arguments in the order the batch writers pass them).
 *
 * @param client - the client (for the URL prefix and the batch size)
 * @param resource - the OData resource, e.g. `device`
 * @param field - the filtered field, e.g. `id` or `uuid`
 * @param values - the values
 * @param options - the other options of the request (their length counts against the budget)
 * @returns the chunks
 * @example
 * ```ts
 * const chunks = chunkForRequest(client, 'device', 'id', ids);
 * ```
 */
export function chunkForRequest<V extends string | number>(
  client: Client,
  resource: string,
  field: string,
  values: readonly V[],
  options: ODataOptions = {},
): V[][] {
  return chunkFilterValues(client, { resource, field, values, options });
}

/**
 * Fetches the selected devices (the prefetch of every batch write): one `GET /v7/device` per chunk,
 * which checks that every device exists and maps uuids to ids.
 *
 * @typeParam T - the shape of each row (always has `id` and `uuid`)
 * @param client - the client
 * @param selection - the validated selection
 * @param options - extra `$select`/`$expand` merged into the prefetch
 * @returns one row per selected device
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first selected element that does not exist
 * @example
 * ```ts
 * const [{ id }] = await prefetchDevices(client, parseDeviceSelector(uuid));
 * ```
 */
export async function prefetchDevices<T extends { id: number; uuid: string }>(
  client: Client,
  selection: DeviceSelection,
  options?: ODataOptions,
): Promise<T[]> {
  const base = mergeOptions({ $select: ['id', 'uuid'] }, options);
  const rows: T[] = [];
  const chunks = chunkForRequest<string | number>(client, 'device', selection.kind, selection.values, base);
  for (const chunk of chunks) {
    const page = await client.pine.get<T>({
      resource: 'device',
      options: mergeOptions(base, { $filter: listFilter(selection.kind, chunk) }),
    });
    rows.push(...page);
  }
  const found = new Set<string | number>(
    rows.map((row) => (selection.kind === 'id' ? row.id : row.uuid.toLowerCase())),
  );
  selection.values.forEach((value, index) => {
    if (!found.has(value)) throw new DeviceNotFound(selection.originals[index] ?? value);
  });
  return rows;
}

/**
 * Patches devices by id: one `PATCH /v7/device?$filter=id in (...)` per chunk.
 *
 * @param client - the client
 * @param ids - the device ids
 * @param body - the fields to write
 * @returns resolves once every chunk is patched
 * @example
 * ```ts
 * await patchDevicesById(client, [1, 2], { note: 'checked' });
 * ```
 */
export async function patchDevicesById(
  client: Client,
  ids: readonly number[],
  body: Record<string, unknown>,
): Promise<void> {
  for (const chunk of chunkForRequest(client, 'device', 'id', ids)) {
    await client.pine.patch({ resource: 'device', options: { $filter: listFilter('id', chunk) }, body });
  }
}

/**
 * Deletes devices by id: one `DELETE /v7/device?$filter=id in (...)` per chunk.
 *
 * @param client - the client
 * @param ids - the device ids
 * @returns resolves once every chunk is deleted
 * @example
 * ```ts
 * await deleteDevicesById(client, [1, 2]);
 * ```
 */
export async function deleteDevicesById(client: Client, ids: readonly number[]): Promise<void> {
  for (const chunk of chunkForRequest(client, 'device', 'id', ids)) {
    await client.pine.delete({ resource: 'device', options: { $filter: listFilter('id', chunk) } });
  }
}

/**
 * Writes one device in one round trip: the existence check (`GET /v7/device(<key>)?$select=id`)
 * and the `PATCH /v7/device?$filter=<id or uuid> eq …` go out together. The PATCH is by filter so
 * that a missing device is a no-op on the server; DeviceNotFound then comes from the GET's answer.
 * Two requests as the official SDK sends, but the wall time of one.
 *
 * @param client - the client
 * @param selection - a selection of exactly one device
 * @param original - the device as the caller gave it (for the error)
 * @param body - the fields to write
 * @throws {@link @balena-ts/core#DeviceNotFound} when the device does not exist (nothing was written)
 */
async function updateOneDevice(
  client: Client,
  selection: DeviceSelection,
  original: string | number,
  body: Record<string, unknown>,
): Promise<void> {
  const value = selection.values[0] as string | number;
  const key = selection.kind === 'id' ? (value as number) : { uuid: value as string };
  const [found, written] = await Promise.allSettled([
    client.pine.get<{ id: number }>({ resource: 'device', id: key, options: { $select: 'id' } }),
    client.pine.patch({ resource: 'device', options: { $filter: { [selection.kind]: value } }, body }),
  ]);
  if (found.status === 'fulfilled' && found.value === undefined) throw new DeviceNotFound(original);
  if (written.status === 'rejected') throw written.reason;
  if (found.status === 'rejected') throw found.reason;
}

/**
 * The common device write. One device (an id or a uuid, not in an array): the existence check and
 * the PATCH are sent together (see the function above). An array: validate, prefetch every device,
 * then patch them by id, so that a missing device stops the write before anything changes (1,000
 * ids cost one GET and one PATCH with the default batch size).
 *
 * @param client - the client
 * @param selector - an id, a full uuid, or an array of either
 * @param body - the fields to write
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed selector
 * @throws {@link @balena-ts/core#DeviceNotFound} naming the first missing device
 * @returns resolves once every chunk is patched
 * @example
 * ```ts
 * await updateDevices(client, [1, 2, 3], { is_web_accessible: true });
 * ```
 */
export async function updateDevices(
  client: Client,
  selector: DeviceSelector,
  body: Record<string, unknown>,
): Promise<void> {
  const selection = parseDeviceSelector(selector);
  if (!Array.isArray(selector)) {
    await updateOneDevice(client, selection, selection.originals[0] as string | number, body);
    return;
  }
  const devices = await prefetchDevices(client, selection);
  await patchDevicesById(
    client,
    devices.map((device) => device.id),
    body,
  );
}
