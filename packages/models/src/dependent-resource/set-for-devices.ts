import { type Client, DeviceNotFound, type Filter, InvalidParameter } from '@balena-ts/core';
import type { DeviceIdentifier } from '../internal/device.js';
import {
  chunkForRequest,
  type DeviceSelection,
  parseDeviceSelector,
  prefetchDevices,
} from '../internal/device-batch.js';
import type { DependentResource } from './definition.js';
import { PartialWriteError, type WriteFailure } from './partial-write-error.js';
import { runPool } from './worker-pool.js';

/** How many creates {@link setForDevices} keeps in flight by default. */
export const DEFAULT_WRITE_CONCURRENCY = 10;

/** Options of a write to many devices. */
export interface SetForDevicesOptions {
  /** The most requests in flight at once while creating rows (default {@link DEFAULT_WRITE_CONCURRENCY}). */
  readonly concurrency?: number;
  /**
   * Stops starting new writes; the devices not reached are reported as not written. Writes already
   * sent are left to finish, so that what is reported as written is exactly what the API holds.
   */
  readonly signal?: AbortSignal;
}

interface ExistingRow {
  readonly id: number;
  readonly value: string;
  readonly [parentField: string]: unknown;
}

function inList(field: string, values: readonly number[]): Filter {
  return values.length === 1 ? { [field]: values[0] as number } : { [field]: { $in: [...values] } };
}

function linkedId(link: unknown): number | undefined {
  if (typeof link === 'number') return link;
  if (typeof link === 'object' && link !== null && '__id' in link) return (link as { __id: number }).__id;
  return undefined;
}

function checkConcurrency(concurrency: number): void {
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new InvalidParameter('concurrency', concurrency, 'must be a positive integer');
  }
}

/** Checks that every device exists and maps each id to the form the caller gave it in. */
async function resolveDevices(client: Client, selection: DeviceSelection): Promise<Map<number, string | number>> {
  const rows = await prefetchDevices(client, selection);
  const byValue = new Map<string | number, string | number>();
  selection.values.forEach((normalized, index) => {
    byValue.set(normalized, selection.originals[index] ?? normalized);
  });
  const callerForm = new Map<number, string | number>();
  for (const row of rows) {
    callerForm.set(row.id, byValue.get(selection.kind === 'id' ? row.id : row.uuid.toLowerCase()) ?? row.id);
  }
  return callerForm;
}

/** Finds the rows that already hold `key`, by device id: one GET per chunk of devices. */
async function findExisting(
  client: Client,
  definition: DependentResource<DeviceIdentifier>,
  deviceIds: readonly number[],
  key: string,
  signal: AbortSignal | undefined,
): Promise<Map<number, ExistingRow>> {
  const { resource, parentField, keyField } = definition;
  const existing = new Map<number, ExistingRow>();
  const select = ['id', parentField, 'value'];
  for (const chunk of chunkForRequest(client, resource, parentField, deviceIds, { $select: select })) {
    const found = await client.pine.get<ExistingRow>({
      resource,
      options: { $select: select, $filter: { $and: [inList(parentField, chunk), { [keyField]: key }] } },
      signal,
    });
    for (const row of found) {
      const deviceId = linkedId(row[parentField]);
      if (deviceId !== undefined) existing.set(deviceId, row);
    }
  }
  return existing;
}

/**
 * Writes one key/value on many devices with few requests and bounded concurrency:
 * 1. one `GET /v7/device` per chunk checks that every device exists (DeviceNotFound before any write);
 * 2. one `GET` per chunk finds the devices that already have the key;
 * 3. one `PATCH …?$filter=id in (…)` per chunk updates those whose value differs;
 * 4. the devices without the key get an upsert each, at most `concurrency` at a time.
 * When any write fails the others still run, and the call rejects with a {@link PartialWriteError}
 * listing the devices written and not written.
 *
 * @param client - the client
 * @param definition - a device-parented resource (device env var, device config var, device tag)
 * @param devices - device ids, or full uuids (one kind per array)
 * @param key - the variable name or tag key
 * @param value - the value
 * @param options - `concurrency`, `signal`
 * @throws InvalidParameter for a bad key, value, device list or concurrency (before any request)
 * @throws DeviceNotFound naming the first missing device (before any write)
 * @throws PartialWriteError when some devices could not be written
 */
export async function setForDevices(
  client: Client,
  definition: DependentResource<DeviceIdentifier>,
  devices: readonly number[] | readonly string[],
  key: string,
  value: string,
  options: SetForDevicesOptions = {},
): Promise<void> {
  const { concurrency = DEFAULT_WRITE_CONCURRENCY, signal } = options;
  definition.checkKey(key);
  definition.checkValue(value);
  checkConcurrency(concurrency);
  if (!Array.isArray(devices)) throw new InvalidParameter('devices', devices, 'expected an array of ids or uuids');
  const selection = parseDeviceSelector(devices, 'devices');
  const { resource, parentField, keyField } = definition;
  let callerForm: Map<number, string | number>;
  let existing: Map<number, ExistingRow>;
  try {
    callerForm = await resolveDevices(client, selection);
    existing = await findExisting(client, definition, [...callerForm.keys()], key, signal);
  } catch (error) {
    if (error instanceof DeviceNotFound) throw error;
    // Nothing was written yet: every device is still to do.
    const everyDevice = [...selection.originals];
    throw new PartialWriteError(
      `${resource} ${key}`,
      [],
      everyDevice,
      everyDevice.map((target) => ({ target, error })),
      {
        cause: error,
      },
    );
  }
  const deviceIds = [...callerForm.keys()];
  const written: (string | number)[] = [];
  const failures: WriteFailure<string | number>[] = [];
  const fail = (deviceId: number, error: unknown) =>
    failures.push({ target: callerForm.get(deviceId) ?? deviceId, error });

  const stale = [...existing.entries()].filter(([, row]) => row.value !== value);
  for (const [deviceId, row] of existing) if (row.value === value) written.push(callerForm.get(deviceId) ?? deviceId);
  const staleByRowId = new Map(stale.map(([deviceId, row]) => [row.id, deviceId]));
  for (const chunk of chunkForRequest(client, resource, 'id', [...staleByRowId.keys()])) {
    const chunkDevices = chunk.map((rowId) => staleByRowId.get(rowId) as number);
    try {
      await client.pine.patch({ resource, options: { $filter: inList('id', chunk) }, body: { value } });
      for (const deviceId of chunkDevices) written.push(callerForm.get(deviceId) ?? deviceId);
    } catch (error) {
      for (const deviceId of chunkDevices) fail(deviceId, error);
    }
  }

  const missing = deviceIds.filter((deviceId) => !existing.has(deviceId));
  const neverStarted = await runPool(
    missing,
    concurrency,
    async (deviceId) => {
      try {
        await client.pine.upsert({ resource, id: { [parentField]: deviceId, [keyField]: key }, body: { value } });
        written.push(callerForm.get(deviceId) ?? deviceId);
      } catch (error) {
        fail(deviceId, error);
      }
    },
    signal,
  );

  if (failures.length === 0 && neverStarted.length === 0) return;
  const notWritten = [
    ...failures.map((failure) => failure.target),
    ...neverStarted.map((deviceId) => callerForm.get(deviceId) ?? deviceId),
  ];
  throw new PartialWriteError(`${resource} ${key}`, written, notWritten, failures, {
    cause: failures[0]?.error ?? signal?.reason,
  });
}
