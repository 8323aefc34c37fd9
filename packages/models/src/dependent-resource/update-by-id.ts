import type { Client } from '@balena-ts/core';
import type { DependentResource } from './definition.js';
import { toRowId } from './row-id.js';

/**
 * Changes the value of one row addressed by its own id, as the seed's `update(varId, value)` did.
 *
 * @param client - the client
 * @param definition - the resource
 * @param rowId - the row's id (a number, or a string of digits)
 * @param value - the new value, checked by the resource's value rule before the request
 * @throws InvalidParameter for a bad id or value
 */
export async function updateById<P>(
  client: Client,
  definition: DependentResource<P>,
  rowId: number | string,
  value: string,
): Promise<void> {
  const id = toRowId('id', rowId);
  definition.checkValue(value);
  await client.pine.patch({ resource: definition.resource, id, body: { value } });
}
