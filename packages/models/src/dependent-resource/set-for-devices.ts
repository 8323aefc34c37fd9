import { type Client, DeviceNotFound, type Filter, InvalidParameter, withOptions } from '@balena-ts/core';
import { checkObjectArgument } from '../internal/argument-checks.js';
import type { DeviceIdentifier } from '../internal/device.js';
import { chunkForRequest, type DeviceSelection, parseDeviceSelector } from '../internal/device-batch.js';
import { PartialWriteError, type WriteFailure } from '../internal/partial-write-error.js';
import type { DependentResource } from './definition.js';
import { runPool } from './worker-pool.js';

/** How many creates {@link setForDevices} keeps in flight by default. */
export const DEFAULT_WRITE_CONCURRENCY = 10;

/** Options of a write to many devices. */
export interface SetForDevicesOptions {
  /** The most requests in flight at once while creating rows (default {@link DEFAULT_WRITE_CONCURRENCY}). */
  readonly concurrency?: number;
  /**
   * Aborts the write: the requests in flight are cut off and no queued one is sent (as does the
   * signal of a client from `withOptions`). The call rejects with a `PartialWriteError` whose
   * `cause` is the signal's reason: `written` lists the devices the API confirmed; a write cut off
   * in flight may have reached the API all the same, and is listed as not written (writing the
   * same value again is harmless).
   */
  readonly signal?: AbortSignal;
}

interface ExistingRow {
  readonly id: number;
  readonly value: string;
}

interface DeviceWithRows {
  readonly id: number;
  readonly uuid: string;
  readonly [navigation: string]: unknown;
}

/** Where a write to many devices stands: what was written and what failed, by device id. */
interface Progress {
  readonly callerForm: Map<number, string | number>;
  readonly written: (string | number)[];
  readonly failures: { deviceId: number; error: unknown }[];
}

function inList(field: string, values: readonly (number | string)[]): Filter {
  return values.length === 1 ? { [field]: values[0] as number } : { [field]: { $in: [...values] } };
}

function checkOptions(options: SetForDevicesOptions | undefined): { concurrency: number; signal?: AbortSignal } {
  if (options === undefined) return { concurrency: DEFAULT_WRITE_CONCURRENCY };
  checkObjectArgument('options', options, 'expected { concurrency?, signal? }');
  const { concurrency = DEFAULT_WRITE_CONCURRENCY, signal } = options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new InvalidParameter('concurrency', concurrency, 'must be a positive integer');
  }
  return { concurrency, signal };
}

/**
 * The uuid path's one batched lookup per chunk: every device with its id and the row holding `key`
 * if it has one (`$expand` of the resource), so that missing devices are known before any write.
 */
async function lookUpByUuid(
  client: Client,
  definition: DependentResource<DeviceIdentifier>,
  selection: DeviceSelection,
  key: string,
): Promise<{ callerForm: Map<number, string | number>; existing: Map<number, ExistingRow> }> {
  const { resource, keyField } = definition;
  const options = {
    $select: ['id', 'uuid'],
    $expand: { [resource]: { $select: ['id', 'value'], $filter: { [keyField]: key } } },
  };
  const originals = new Map<string | number, string | number>();
  selection.values.forEach((normalized, index) => {
    originals.set(normalized, selection.originals[index] ?? normalized);
  });
  const callerForm = new Map<number, string | number>();
  const existing = new Map<number, ExistingRow>();
  const found = new Set<string>();
  for (const chunk of chunkForRequest<string | number>(client, 'device', 'uuid', selection.values, options)) {
    const rows = await client.pine.get<DeviceWithRows>({
      resource: 'device',
      options: { ...options, $filter: inList('uuid', chunk) },
    });
    for (const row of rows) {
      const uuid = row.uuid.toLowerCase();
      found.add(uuid);
      callerForm.set(row.id, originals.get(uuid) ?? row.uuid);
      const held = (row[resource] as ExistingRow[] | undefined)?.[0];
      if (held !== undefined) existing.set(row.id, held);
    }
  }
  selection.values.forEach((uuid, index) => {
    if (!found.has(uuid as string)) throw new DeviceNotFound(selection.originals[index] ?? uuid);
  });
  return { callerForm, existing };
}

/** Patches the rows holding another value: one PATCH per chunk of row ids. */
async function patchStale(
  client: Client,
  resource: string,
  stale: Map<number, number>,
  value: string,
  progress: Progress,
): Promise<void> {
  for (const chunk of chunkForRequest(client, resource, 'id', [...stale.keys()])) {
    const deviceIds = chunk.map((rowId) => stale.get(rowId) as number);
    try {
      await client.pine.patch({ resource, options: { $filter: inList('id', chunk) }, body: { value } });
      for (const deviceId of deviceIds) progress.written.push(progress.callerForm.get(deviceId) ?? deviceId);
    } catch (error) {
      for (const deviceId of deviceIds) progress.failures.push({ deviceId, error });
    }
  }
}

/**
 * After failed writes by id (nothing was looked up before), tells apart the devices that do not
 * exist: balena answers a create under a missing device like one it may not see (401/403).
 */
async function explainFailures(client: Client, progress: Progress): Promise<void> {
  const failedIds = [...new Set(progress.failures.map((failure) => failure.deviceId))];
  const existing = new Set<number>();
  try {
    for (const chunk of chunkForRequest(client, 'device', 'id', failedIds, { $select: 'id' })) {
      const rows = await client.pine.get<{ id: number }>({
        resource: 'device',
        options: { $select: 'id', $filter: inList('id', chunk) },
      });
      for (const row of rows) existing.add(row.id);
    }
  } catch {
    // The lookup only refines the reasons; the failures stand as they are without it.
    return;
  }
  for (const failure of progress.failures) {
    if (!existing.has(failure.deviceId)) {
      failure.error = new DeviceNotFound(progress.callerForm.get(failure.deviceId) ?? failure.deviceId, {
        cause: failure.error,
      });
    }
  }
}

/**
 * Writes one key/value on many devices with bounded concurrency, in as few requests as the input allows:
 * - **ids**: no lookup at all: one upsert per device (a create, or a PATCH when the row exists), at
 *   most `concurrency` in flight; 1,000 devices without the key cost 1,000 requests;
 * - **uuids**: one batched `GET /v7/device` per chunk maps them to ids and says which devices
 *   already hold the key (DeviceNotFound before any write); devices with the value cost nothing,
 *   the other holders get one PATCH per chunk, the rest an upsert each.
 * When any write fails the others still run, and the call rejects with a {@link PartialWriteError}
 * listing the devices written and not written (a device that does not exist fails with DeviceNotFound).
 *
 * @param caller - the client
 * @param definition - a device-parented resource (device env var, device config var, device tag)
 * @param devices - device ids, or full uuids (one kind per array)
 * @param key - the variable name or tag key
 * @param value - the value
 * @param options - `concurrency`, `signal` (see {@link SetForDevicesOptions})
 * @throws InvalidParameter for a bad key, value, device list or options (before any request)
 * @throws DeviceNotFound naming the first missing uuid (before any write; ids are not looked up)
 * @throws PartialWriteError when some devices could not be written
 */
export async function setForDevices(
  caller: Client,
  definition: DependentResource<DeviceIdentifier>,
  devices: readonly number[] | readonly string[],
  key: string,
  value: string,
  options?: SetForDevicesOptions,
): Promise<void> {
  const checked = checkOptions(options);
  const { concurrency } = checked;
  definition.checkKey(key);
  definition.checkValue(value);
  if (!Array.isArray(devices)) throw new InvalidParameter('devices', devices, 'expected an array of ids or uuids');
  const selection = parseDeviceSelector(devices, 'devices');
  const { resource, parentField, keyField } = definition;
  // Every request carries the caller's signal, so that an abort cuts off the writes in flight too.
  const client = checked.signal === undefined ? caller : withOptions(caller, { signal: checked.signal });
  const signal = client.signal;

  let progress: Progress;
  let toCreate: number[];
  if (selection.kind === 'id') {
    const ids = selection.values as readonly number[];
    progress = { callerForm: new Map(ids.map((id) => [id, id])), written: [], failures: [] };
    toCreate = [...ids];
  } else {
    let found: Awaited<ReturnType<typeof lookUpByUuid>>;
    try {
      found = await lookUpByUuid(client, definition, selection, key);
    } catch (error) {
      if (error instanceof DeviceNotFound) throw error;
      // Nothing was written yet: every device is still to do.
      const everyDevice = [...selection.originals];
      const failures = everyDevice.map((target) => ({ target, error }));
      throw new PartialWriteError(`${resource} ${key}`, [], everyDevice, failures, { cause: error });
    }
    progress = { callerForm: found.callerForm, written: [], failures: [] };
    const stale = new Map<number, number>();
    for (const [deviceId, row] of found.existing) {
      if (row.value === value) progress.written.push(found.callerForm.get(deviceId) ?? deviceId);
      else stale.set(row.id, deviceId);
    }
    await patchStale(client, resource, stale, value, progress);
    toCreate = [...found.callerForm.keys()].filter((deviceId) => !found.existing.has(deviceId));
  }

  const neverStarted = await runPool(
    toCreate,
    concurrency,
    async (deviceId) => {
      try {
        await client.pine.upsert({ resource, id: { [parentField]: deviceId, [keyField]: key }, body: { value } });
        progress.written.push(progress.callerForm.get(deviceId) ?? deviceId);
      } catch (error) {
        progress.failures.push({ deviceId, error });
      }
    },
    signal,
  );

  if (progress.failures.length === 0 && neverStarted.length === 0) return;
  // After an abort the failures are the abort: there is nothing to explain, and nothing more is sent.
  if (selection.kind === 'id' && progress.failures.length > 0 && !signal?.aborted) {
    await explainFailures(client, progress);
  }
  const failures: WriteFailure<string | number>[] = progress.failures.map(({ deviceId, error }) => ({
    target: progress.callerForm.get(deviceId) ?? deviceId,
    error,
  }));
  const notWritten = [
    ...failures.map((failure) => failure.target),
    ...neverStarted.map((deviceId) => progress.callerForm.get(deviceId) ?? deviceId),
  ];
  throw new PartialWriteError(`${resource} ${key}`, progress.written, notWritten, failures, {
    cause: signal?.aborted ? signal.reason : failures[0]?.error,
  });
}
