import type { Client } from '@balena-ts/core';
import type { DependentResource } from './definition.js';
import { checkLookupKey } from './key-name.js';
import { withParent } from './parent-kind.js';

/**
 * Reads the value stored under one key of one parent.
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param key - the variable name or tag key
 * @returns the value, or `undefined` when the parent has no such key
 * @throws InvalidParameter for an empty key; the parent's NotFound error
 */
export async function getValue<P>(
  client: Client,
  definition: DependentResource<P>,
  parent: P,
  key: string,
): Promise<string | undefined> {
  checkLookupKey(definition.keyField === 'name' ? 'name' : 'tagKey', key);
  const rows = await withParent(
    client,
    definition.parent,
    parent,
    (parentId) =>
      client.pine.get<{ value: string }>({
        resource: definition.resource,
        options: { $select: 'value', $filter: { [definition.parentField]: parentId, [definition.keyField]: key } },
      }),
    (found) => found.length === 0,
  );
  return rows[0]?.value;
}
