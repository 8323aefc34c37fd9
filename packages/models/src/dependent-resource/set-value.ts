import type { Client } from '@balena-ts/core';
import type { DependentResource } from './definition.js';
import { withParent } from './parent-kind.js';

/**
 * Creates or updates the value under one key of one parent: a `POST`, and on a unique conflict a
 * `PATCH` of the existing row (api-map 1.4). Key and value rules are checked before any request.
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
  definition: DependentResource<P>,
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
