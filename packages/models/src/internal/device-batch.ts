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
import { PartialWriteError, type WriteFailure } from './partial-write-error.js';
import { readByKey } from './read-by-key.js';

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
  if (selection.values.length === 1) {
    // One device: a read concurrent calls share (see `readByKey`), a pin or a move of many devices
    // one by one costs one lookup per batch of them.
    const value = selection.values[0] as string | number;
    const row = await readByKey<T>(client, 'device', selection.kind, value, base);
    if (row === undefined) throw new DeviceNotFound(selection.originals[0] ?? value);
    return [row];
  }
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
 * What the requests of one batch write have done so far: the ids of the chunks the API answered,
 * and those of the chunk it did not (its request failed or was cut off, so its state is unknown).
 */
export interface BatchProgress {
  /** Ids whose chunk the API applied. */
  readonly written: number[];
  /** Ids of the chunk whose request failed. */
  readonly failed: number[];
  /** The failed chunk's error. */
  error?: unknown;
}

/**
 * Sends one request per chunk of ids, recording each chunk in `progress` once it is answered; a
 * failed chunk is recorded and ends the loop, so nothing is sent after an abort or an error.
 */
async function eachChunk(
  client: Client,
  ids: readonly number[],
  progress: BatchProgress | undefined,
  send: (chunk: number[]) => Promise<unknown>,
): Promise<void> {
  for (const chunk of chunkForRequest(client, 'device', 'id', ids)) {
    try {
      await send(chunk);
    } catch (error) {
      progress?.failed.push(...chunk);
      if (progress) progress.error = error;
      throw error;
    }
    progress?.written.push(...chunk);
  }
}

/**
 * Patches devices by id: one `PATCH /v7/device?$filter=id in (...)` per chunk.
 *
 * @param client - the client
 * @param ids - the device ids
 * @param body - the fields to write
 * @param progress - where to record the chunks answered (see {@link writeDeviceBatch})
 * @returns resolves once every chunk is patched
 * @example
 * ```ts
 * await patchDevicesById(client, [1, 2], { note: 'checked' });
 * ```
 */
export function patchDevicesById(
  client: Client,
  ids: readonly number[],
  body: Record<string, unknown>,
  progress?: BatchProgress,
): Promise<void> {
  return eachChunk(client, ids, progress, (chunk) =>
    client.pine.patch({ resource: 'device', options: { $filter: listFilter('id', chunk) }, body }),
  );
}

/**
 * Deletes devices by id: one `DELETE /v7/device?$filter=id in (...)` per chunk.
 *
 * @param client - the client
 * @param ids - the device ids
 * @param progress - where to record the chunks answered (see {@link writeDeviceBatch})
 * @returns resolves once every chunk is deleted
 * @example
 * ```ts
 * await deleteDevicesById(client, [1, 2]);
 * ```
 */
export function deleteDevicesById(client: Client, ids: readonly number[], progress?: BatchProgress): Promise<void> {
  return eachChunk(client, ids, progress, (chunk) =>
    client.pine.delete({ resource: 'device', options: { $filter: listFilter('id', chunk) } }),
  );
}

/**
 * Runs a batch write of prefetched devices and, when it fails after some of its requests were
 * answered, says so: a {@link PartialWriteError} naming the devices written and those not (the
 * failed chunk, whose request may or may not have reached the API, and every chunk never sent),
 * in the form the caller gave them, with the failure (an abort's reason included) as its cause. A
 * failure before anything was written is rethrown as it is.
 *
 * @param what - what is written, for the message (e.g. `device device_name`)
 * @param selection - the caller's selection (for the caller's spelling of each device)
 * @param devices - the prefetched devices
 * @param write - sends the requests, recording them in the progress it is given
 * @returns resolves once everything is written
 * @throws PartialWriteError when some chunks were written and then one failed
 * @example
 * ```ts
 * await writeDeviceBatch('device note', selection, devices, (progress) => patchDevicesById(client, ids, body, progress));
 * ```
 */
export async function writeDeviceBatch(
  what: string,
  selection: DeviceSelection,
  devices: readonly { id: number; uuid: string }[],
  write: (progress: BatchProgress) => Promise<void>,
): Promise<void> {
  const progress: BatchProgress = { written: [], failed: [] };
  try {
    await write(progress);
  } catch (error) {
    if (progress.written.length === 0) throw error;
    const callerForm = new Map<number, string | number>();
    for (const device of devices) {
      const index =
        selection.kind === 'id'
          ? selection.values.indexOf(device.id)
          : selection.values.indexOf(device.uuid.toLowerCase());
      callerForm.set(device.id, selection.originals[index] ?? device.id);
    }
    const form = (id: number): string | number => callerForm.get(id) ?? id;
    const written = new Set(progress.written);
    const failures: WriteFailure<string | number>[] = progress.failed.map((id) => ({ target: form(id), error }));
    const notWritten = devices.filter((device) => !written.has(device.id)).map((device) => form(device.id));
    throw new PartialWriteError(what, progress.written.map(form), notWritten, failures, { cause: error });
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
  const [found, written] = await Promise.allSettled([
    // Concurrent writes of single devices share their existence checks (see `readByKey`).
    readByKey<{ id: number }>(client, 'device', selection.kind, value, { $select: 'id' }),
    // By key (`device(12)`, `device(uuid='…')`): the API finds the row by its index, where a
    // `$filter` is compiled and scanned (measured: a fifth more server time per PATCH here).
    client.pine.patch({ resource: 'device', id: selection.kind === 'id' ? value : { uuid: value }, body }),
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
 * @throws PartialWriteError when a later chunk fails after earlier ones were written
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
  await writeDeviceBatch(`device ${Object.keys(body).join(', ')}`, selection, devices, (progress) =>
    patchDevicesById(
      client,
      devices.map((device) => device.id),
      body,
      progress,
    ),
  );
}
