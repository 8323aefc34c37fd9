import type { Client, Filter, ODataOptions } from '@balena-ts/core';
import type { DeviceIdentifier } from '../internal/device.js';
import { createRow } from './create-row.js';
import type { DependentResource } from './definition.js';
import { getAllRows, getRowsByOwner, getRowsByParent } from './get-all.js';
import { getValue } from './get-value.js';
import type {
  CreateRow,
  GetEveryRow,
  GetRowsOf,
  GetRowValue,
  RemoveRow,
  RemoveRowByKey,
  SetOnDevices,
  SetRowValue,
  UpdateRowById,
} from './operation-types.js';
import type { ParentKind } from './parent-kind.js';
import { removeById, removeByKey } from './remove-row.js';
import { setForDevices } from './set-for-devices.js';
import { setValue } from './set-value.js';
import { updateById } from './update-by-id.js';

// Each model's entry file binds these to its resource definition, so the logic exists once and
// every model exports plain functions that take the client first. The binders are pure: a bundler
// drops the ones a program does not import.

/**
 * Binds {@link createRow} to a resource.
 *
 * @param definition - the resource
 * @returns `create(client, parent, key, value)`
 */
export function bindCreate<P, T>(definition: DependentResource<P>): CreateRow<P, T> {
  return (client, parent, key, value) => createRow<T, P>(client, definition, parent, key, value);
}

/**
 * Binds {@link getRowsByParent} to a resource.
 *
 * @param definition - the resource
 * @param defaults - default options (merged under the caller's)
 * @returns `getAllByParent(client, parent, options?)`
 */
export function bindGetAllByParent<P, T>(definition: DependentResource<P>, defaults?: ODataOptions): GetRowsOf<P, T> {
  return ((client: Client, parent: P, options?: ODataOptions) =>
    getRowsByParent(client, definition, parent, options, defaults)) as GetRowsOf<P, T>;
}

/**
 * Binds {@link getRowsByOwner} to a resource and an owner kind (e.g. the application of a device).
 *
 * @param definition - the resource
 * @param owner - how to find the owner
 * @param filter - the filter that selects the rows of the owner with a given id
 * @param defaults - default options (merged under the caller's)
 * @returns `getAllByOwner(client, owner, options?)`
 */
export function bindGetAllByOwner<P, O, T>(
  definition: DependentResource<P>,
  owner: ParentKind<O>,
  filter: (ownerId: number) => Filter,
  defaults?: ODataOptions,
): GetRowsOf<O, T> {
  return ((client: Client, value: O, options?: ODataOptions) =>
    getRowsByOwner(client, definition, { kind: owner, value }, filter, options, defaults)) as GetRowsOf<O, T>;
}

/**
 * Binds {@link getAllRows} to a resource.
 *
 * @param definition - the resource
 * @returns `getAll(client, options?)`
 */
export function bindGetEvery<P, T>(definition: DependentResource<P>): GetEveryRow<T> {
  return ((client: Client, options?: ODataOptions) => getAllRows(client, definition, options)) as GetEveryRow<T>;
}

/**
 * Binds {@link getValue} to a resource.
 *
 * @param definition - the resource
 * @returns `get(client, parent, key)`
 */
export function bindGet<P>(definition: DependentResource<P>): GetRowValue<P> {
  return (client, parent, key) => getValue(client, definition, parent, key);
}

/**
 * Binds {@link setValue} to a resource.
 *
 * @param definition - the resource
 * @returns `set(client, parent, key, value)`
 */
export function bindSet<P>(definition: DependentResource<P>): SetRowValue<P> {
  return (client, parent, key, value) => setValue(client, definition, parent, key, value);
}

/**
 * Binds {@link updateById} to a resource.
 *
 * @param definition - the resource
 * @returns `update(client, id, value)`
 */
export function bindUpdate<P>(definition: DependentResource<P>): UpdateRowById {
  return (client, id, value) => updateById(client, definition, id, value);
}

/**
 * Binds both forms of remove to a resource: by id with two arguments, by parent and key with three.
 *
 * @param definition - the resource
 * @returns `remove(client, id)` / `remove(client, parent, key)`
 */
export function bindRemove<P>(definition: DependentResource<P>): RemoveRow<P> {
  return ((client: Client, parentOrId: P | number | string, key?: string) =>
    key === undefined
      ? removeById(client, definition, parentOrId as number | string)
      : removeByKey(client, definition, parentOrId as P, key)) as RemoveRow<P>;
}

/**
 * Binds {@link removeByKey} to a resource.
 *
 * @param definition - the resource
 * @returns `remove(client, parent, key)`
 */
export function bindRemoveByKey<P>(definition: DependentResource<P>): RemoveRowByKey<P> {
  return (client, parent, key) => removeByKey(client, definition, parent, key);
}

/**
 * Binds {@link setForDevices} to a device-parented resource.
 *
 * @param definition - the resource
 * @returns `setForDevices(client, devices, key, value, options?)`
 */
export function bindSetForDevices(definition: DependentResource<DeviceIdentifier>): SetOnDevices {
  return (client, devices, key, value, options) => setForDevices(client, definition, devices, key, value, options);
}
