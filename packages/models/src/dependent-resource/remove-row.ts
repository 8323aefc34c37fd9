import type { Client } from '@balena-ts/core';
import type { DependentResource } from './definition.js';
import { checkLookupKey } from './key-name.js';
import { toRowId } from './row-id.js';

/**
 * Deletes the row under one key of one parent. Removing a key that does not exist is not an error.
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param key - the variable name or tag key
 * @throws InvalidParameter for an empty key; the parent's NotFound error when it was looked up
 */
export async function removeByKey<P>(
  client: Client,
  definition: DependentResource<P>,
  parent: P,
  key: string,
): Promise<void> {
  checkLookupKey(definition.keyField === 'name' ? 'name' : 'tagKey', key);
  const { id } = await definition.parent.resolve(client, parent);
  await client.pine.delete({
    resource: definition.resource,
    options: { $filter: { [definition.parentField]: id, [definition.keyField]: key } },
  });
}

/**
 * Deletes one row by its own id, as the seed's `remove(varId)` did.
 *
 * @param client - the client
 * @param definition - the resource
 * @param rowId - the row's id (a number, or a string of digits as in the seed's examples)
 * @throws InvalidParameter when the id is not a positive integer
 */
export async function removeById<P>(
  client: Client,
  definition: DependentResource<P>,
  rowId: number | string,
): Promise<void> {
  await client.pine.delete({ resource: definition.resource, id: toRowId('id', rowId) });
}
