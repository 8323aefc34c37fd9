import { type Client, parseRowId } from '@balena-ts/core';
import type { KeyValueResource } from './definition.js';
import { checkLookupKey } from './key-name.js';
import { withParent } from './parent-kind.js';

// The writing half of the generic dependent-resource operations; `read.ts` has the other. Key and
// value rules are checked before any request.

/**
 * Creates one row with a plain `POST` and returns it with its id, as the balena Python SDK's `create` did (a key
 * that already exists is the API's 409 conflict, not an update: `setValue` is for that).
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param key - the variable name or tag key
 * @param value - the value
 * @returns the created row
 * @throws InvalidParameter naming the broken rule; the parent's NotFound error; RequestError (409 when the key exists)
 */
export async function createRow<T, P>(
  client: Client,
  definition: KeyValueResource<P>,
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

/**
 * Creates or updates the value under one key of one parent: a `POST`, and on a unique conflict a
 * `PATCH` of the existing row: the API's upsert on the natural key `{ <parent field>, <key field> }`
 * (where balena's Python SDK sent a `GET`, then a `PATCH` or a `POST`).
 *
 * @param client - the client
 * @param definition - the resource
 * @param parent - the parent as the caller gave it
 * @param key - the variable name or tag key
 * @param value - the value
 * @throws InvalidParameter naming the broken rule; the parent's NotFound error; RequestError
 */
export async function setValue<P>(
  client: Client,
  definition: KeyValueResource<P>,
  parent: P,
  key: string,
  value: string,
): Promise<void> {
  definition.checkKey(key);
  definition.checkValue(value);
  await withParent(client, definition.parent, parent, (parentId) =>
    client.pine.upsert({
      resource: definition.resource,
      id: { [definition.parentField]: parentId, [definition.keyField]: key },
      body: { value },
    }),
  );
}

/**
 * Changes the value of one row addressed by its own id, as the balena Python SDK's `update(varId, value)` did.
 *
 * @param client - the client
 * @param definition - the resource
 * @param rowId - the row's id (a number, or a string of digits)
 * @param value - the new value
 * @throws InvalidParameter for a bad id or value
 */
export async function updateById<P>(
  client: Client,
  definition: KeyValueResource<P>,
  rowId: number | string,
  value: string,
): Promise<void> {
  const id = parseRowId(rowId, 'id');
  definition.checkValue(value);
  await client.pine.patch({ resource: definition.resource, id, body: { value } });
}

/**
 * Deletes one row by its own id, as the balena Python SDK's `remove(varId)` did.
 *
 * @param client - the client
 * @param definition - the resource
 * @param rowId - the row's id (a number, or a string of digits)
 * @throws InvalidParameter when the id is not a positive integer
 */
export async function removeById<P>(
  client: Client,
  definition: KeyValueResource<P>,
  rowId: number | string,
): Promise<void> {
  await client.pine.delete({ resource: definition.resource, id: parseRowId(rowId, 'id') });
}

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
  definition: KeyValueResource<P>,
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
 * Deletes a row in either of the two ways the models offer: by its own id when no key argument is
 * passed at all (the balena Python SDK's `remove(varId)`), otherwise by parent and key (today's
 * `remove(parent, name)`). A key argument that is present but `undefined` is an invalid key, never a
 * fall-back to the id form, which would delete an unrelated row whose id equals the parent's.
 *
 * @param client - the client
 * @param definition - the resource
 * @param idOrParent - the row's id, or the parent when a key is given
 * @param key - the variable name or tag key, for the second form
 * @throws InvalidParameter; the parent's NotFound error
 */
export function removeByIdOrKey<P>(
  client: Client,
  definition: KeyValueResource<P>,
  idOrParent: P | number | string,
  ...key: [key?: string]
): Promise<void> {
  return key.length === 0
    ? removeById(client, definition, idOrParent as number | string)
    : removeByKey(client, definition, idOrParent as P, key[0] as string);
}
