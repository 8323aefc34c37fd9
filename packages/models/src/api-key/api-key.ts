import { type Client, InvalidParameter, parseRowId } from '@balena-ts/core';
import { getActor } from '../internal/actor.js';
import { checkObjectArgument, checkText } from '../internal/argument-checks.js';
import { getRows } from '../internal/rows.js';
import type { ApiKey } from '../types/api-key.js';
import type { Selected, TypedOptions } from '../types/options.js';
import { API_KEY, API_KEYS_BY_NAME } from './api-key-rows.js';

/** What {@link create} takes. */
export interface CreateApiKeyParams {
  /** The key's name. */
  readonly name: string;
  /** A description. */
  readonly description?: string;
  /** When the key stops working (ISO 8601); `null` (the default) for never. */
  readonly expiryDate?: string | null;
}

/** The editable details of an API key. */
export interface ApiKeyInfo {
  /** The name. */
  readonly name?: string;
  /** A description. */
  readonly description?: string | null;
  /** ISO 8601, or null for never. */
  readonly expiryDate?: string | null;
}

/**
 * Creates a named API key for the current user (`POST /api-key/user/full`).
 *
 * @param client - the client (logged in as a user, not with an API key)
 * @param params - name, description and expiry date
 * @returns the key itself: shown only now, store it
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name
 * @throws {@link @balena-ts/core#RequestError} when the API refuses (e.g. 400 "Must use user auth" with an API key)
 * @example
 * ```ts
 * const key = await create(client, { name: 'ci', expiryDate: '2030-01-01T00:00:00Z' });
 * ```
 */
export function create(client: Client, params: CreateApiKeyParams): Promise<string> {
  if (typeof params?.name !== 'string' || params.name.trim() === '') {
    return Promise.reject(new InvalidParameter('name', params?.name, 'an API key needs a name'));
  }
  return client.request<string>('/api-key/user/full', {
    method: 'POST',
    body: { name: params.name, description: params.description, expiryDate: params.expiryDate ?? null },
  });
}

/**
 * The balena Python SDK's `create_api_key`: creates a named API key for the current user (see {@link create}).
 *
 * @param client - the client
 * @param name - the key's name
 * @param description - a description
 * @param expiryDate - when the key stops working (ISO 8601); never by default
 * @returns the key itself
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty name
 * @example
 * ```ts
 * const key = await createApiKey(client, 'myApiKey');
 * ```
 */
export function createApiKey(
  client: Client,
  name: string,
  description?: string,
  expiryDate?: string | null,
): Promise<string> {
  return create(client, { name, description, expiryDate });
}

/**
 * Gets every API key the user can see: named user keys, provisioning keys and device keys.
 *
 * @param client - the client
 * @param options - OData options merged into the query
 * @returns the keys (never their secret), ordered by name
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * const keys = await getAll(client, { $select: ['id', 'name'] });
 * ```
 */
export function getAll<const O extends TypedOptions<ApiKey> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<ApiKey, O>[]> {
  return getRows<Selected<ApiKey, O>>(client, API_KEY, API_KEYS_BY_NAME, options);
}

/**
 * Gets the named API keys of the current user (what the balena Python SDK's `get_all` listed).
 *
 * @param client - the client
 * @param options - OData options merged into the query
 * @returns the keys, ordered by name
 * @throws {@link @balena-ts/core#NotLoggedIn} without credentials (from core)
 * @throws {@link @balena-ts/core#RequestError} when the API refuses the query (e.g. an unknown field in `options`)
 * @example
 * ```ts
 * const mine = await getAllNamedUserApiKeys(client);
 * ```
 */
export async function getAllNamedUserApiKeys<const O extends TypedOptions<ApiKey> = Record<never, never>>(
  client: Client,
  options?: O,
): Promise<Selected<ApiKey, O>[]> {
  const actor = await getActor(client);
  const named = { ...API_KEYS_BY_NAME, $filter: { is_of__actor: actor.id, name: { $ne: null } } };
  return getRows<Selected<ApiKey, O>>(client, API_KEY, named, options);
}

/**
 * Updates the name, description or expiry date of an API key.
 *
 * @param client - the client
 * @param id - the key's id
 * @param apiKeyInfo - the new details
 * @throws {@link @balena-ts/core#InvalidParameter} when the info is missing or empty, or the name is empty
 * @returns resolves once the API has applied the change
 * @example
 * ```ts
 * await update(client, 12, { name: 'ci (rotated)' });
 * ```
 */
export async function update(client: Client, id: number, apiKeyInfo: ApiKeyInfo): Promise<void> {
  const keyId = parseRowId(id, 'id');
  checkObjectArgument('apiKeyInfo', apiKeyInfo, 'expected an object');
  if (apiKeyInfo.name !== undefined) checkText('apiKeyInfo.name', apiKeyInfo.name, 'an API key needs a name');
  const body: Record<string, unknown> = {};
  if (apiKeyInfo.name !== undefined) body.name = apiKeyInfo.name;
  if (apiKeyInfo.description !== undefined) body.description = apiKeyInfo.description;
  if (apiKeyInfo.expiryDate !== undefined) body.expiry_date = apiKeyInfo.expiryDate;
  if (Object.keys(body).length === 0) {
    throw new InvalidParameter('apiKeyInfo', apiKeyInfo, 'nothing to update');
  }
  await client.pine.patch({ resource: API_KEY, id: keyId, body });
}

/**
 * Revokes (deletes) an API key.
 *
 * @param client - the client
 * @param id - the key's id
 * @throws {@link @balena-ts/core#InvalidParameter} for a malformed id
 * @returns resolves once the key is deleted
 * @example
 * ```ts
 * await revoke(client, 12);
 * ```
 */
export async function revoke(client: Client, id: number): Promise<void> {
  await client.pine.delete({ resource: API_KEY, id: parseRowId(id, 'id') });
}
