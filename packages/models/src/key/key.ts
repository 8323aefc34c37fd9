import { type Client, KeyNotFound, parseRowId } from '@balena-ts/core';
import { getUserActor } from '../internal/actor.js';
import { checkText } from '../internal/argument-checks.js';
import { getRow } from '../internal/rows.js';
import type { Selected, TypedOptions } from '../types/options.js';
import type { SshKey } from '../types/ssh-key.js';

const RESOURCE = 'user__has__public_key';

/**
 * Adds an SSH public key to the current user.
 *
 * @param client - the client (logged in as a user)
 * @param title - a title for the key
 * @param key - the public key, e.g. `ssh-ed25519 AAAA… me@laptop`
 * @returns the created key record, with its `id`
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty title or key
 * @throws {@link @balena-ts/core#NotLoggedIn} when the credential in use is not a user's
 * @example
 * ```ts
 * const { id } = await create(client, 'laptop', 'ssh-ed25519 AAAAC3Nz… me@laptop');
 * ```
 */
export async function create(client: Client, title: string, key: string): Promise<SshKey> {
  checkText('title', title, 'expected a title');
  checkText('key', key, 'expected a public key');
  const user = await getUserActor(client);
  return client.pine.post<SshKey>({
    resource: RESOURCE,
    body: { title, public_key: key.trim(), user: user.actorTypeId },
  });
}

/**
 * Gets one SSH key.
 *
 * @param client - the client
 * @param id - the key's id
 * @param options - OData options merged into the query
 * @returns the key record
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @throws {@link @balena-ts/core#KeyNotFound} when no key has that id
 * @example
 * ```ts
 * const key = await get(client, 7);
 * ```
 */
export async function get<const O extends TypedOptions<SshKey> = Record<never, never>>(
  client: Client,
  id: number,
  options?: O,
): Promise<Selected<SshKey, O>> {
  const keyId = parseRowId(id, 'id');
  return getRow<Selected<SshKey, O>>(client, RESOURCE, keyId, options, () => new KeyNotFound(keyId));
}

/**
 * Gets every SSH key of the user.
 *
 * @param client - the client
 * @param options - OData options for the query
 * @returns the key records
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * const titles = (await getAll(client, { $select: ['title'] })).map((key) => key.title);
 * ```
 */
export function getAll<const O extends TypedOptions<SshKey> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<SshKey, O>[]> {
  return client.pine.get<Selected<SshKey, O>>({ resource: RESOURCE, options });
}

/**
 * Removes an SSH key.
 *
 * @param client - the client
 * @param id - the key's id
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @returns resolves once the key is deleted
 * @example
 * ```ts
 * await remove(client, 7);
 * ```
 */
export async function remove(client: Client, id: number): Promise<void> {
  await client.pine.delete({ resource: RESOURCE, id: parseRowId(id, 'id') });
}
