import type { Client } from '@balena-ts/core';
import type { Selected, TypedOptions } from '../types/options.js';
import type { SetForDevicesOptions } from './set-for-devices.js';

/**
 * Creates one row under a parent with a plain `POST` and returns it with its id.
 *
 * @typeParam P - how the parent is given
 * @typeParam T - the row type
 */
export type CreateRow<P, T> = (client: Client, parent: P, key: string, value: string) => Promise<T>;

/**
 * Lists the rows of a parent (or of an owner further up), in key order; a literal `$select`
 * narrows the result type.
 *
 * @typeParam P - how the parent is given
 * @typeParam T - the row type
 */
export type GetRowsOf<P, T> = <const O extends TypedOptions<T> = {}>(
  client: Client,
  parent: P,
  options?: O,
) => Promise<Selected<T, O>[]>;

/**
 * Lists every row the caller can read, in key order.
 *
 * @typeParam T - the row type
 */
export type GetEveryRow<T> = <const O extends TypedOptions<T> = {}>(
  client: Client,
  options?: O,
) => Promise<Selected<T, O>[]>;

/**
 * Reads the value under a key of a parent: the value, or `undefined` when there is no such key.
 *
 * @typeParam P - how the parent is given
 */
export type GetRowValue<P> = (client: Client, parent: P, key: string) => Promise<string | undefined>;

/**
 * Creates or updates the value under a key of a parent (an upsert).
 *
 * @typeParam P - how the parent is given
 */
export type SetRowValue<P> = (client: Client, parent: P, key: string, value: string) => Promise<void>;

/** Changes the value of a row addressed by its own id. */
export type UpdateRowById = (client: Client, id: number | string, value: string) => Promise<void>;

/**
 * Deletes a row: by its own id (`remove(client, id)`, as the seed did) or by parent and key
 * (`remove(client, parent, key)`, as today's SDKs do).
 *
 * @typeParam P - how the parent is given
 */
export interface RemoveRow<P> {
  /** Deletes the row with this id. */
  (client: Client, id: number | string): Promise<void>;
  /** Deletes the row under `key` of `parent`; a missing key is not an error. */
  (client: Client, parent: P, key: string): Promise<void>;
}

/**
 * Deletes the row under a key of a parent; a missing key is not an error.
 *
 * @typeParam P - how the parent is given
 */
export type RemoveRowByKey<P> = (client: Client, parent: P, key: string) => Promise<void>;

/** Writes one key/value on many devices with bounded concurrency. */
export type SetOnDevices = (
  client: Client,
  devices: readonly number[] | readonly string[],
  key: string,
  value: string,
  options?: SetForDevicesOptions,
) => Promise<void>;
