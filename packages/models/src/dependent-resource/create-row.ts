import type { Client } from '@balena-ts/core';
import type { DependentResource } from './definition.js';
import { withParent } from './parent-kind.js';

/**
 * Creates one row with a plain `POST` and returns it with its id, as the seed's `create` did
 * (a key that already exists is the API's 409 conflict, not an update: use `set` for that).
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param key - the variable name or tag key
 * @param value - the value
 * @returns the created row
 * @throws InvalidParameter naming the broken rule; the parent's NotFound error; RequestError (409 when the key exists)
 */
export function createRow<T, P>(
  client: Client,
  definition: DependentResource<P>,
  parent: P,
  key: string,
  value: string,
): Promise<T> {
  definition.checkKey(key);
  definition.checkValue(value);
  return withParent(client, definition.parent, parent, (parentId) =>
    client.pine.post<T>({
      resource: definition.resource,
      body: { [definition.parentField]: parentId, [definition.keyField]: key, value },
    }),
  );
}
