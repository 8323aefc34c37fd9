import { type Client, InvalidParameter, OrganizationNotFound } from '@balena-ts/core';

/**
 * Resolves an organization handle or id to its id with `GET /v7/organization(handle='h')?$select=id`
 * (or by id), which also checks that the caller can see it.
 *
 * @param client - the client
 * @param handleOrId - an organization handle or a numeric id
 * @returns the organization id
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#OrganizationNotFound} when no visible organization matches
 */
export async function resolveOrganizationId(client: Client, handleOrId: string | number): Promise<number> {
  const validId = typeof handleOrId === 'number' && Number.isSafeInteger(handleOrId) && handleOrId > 0;
  if (!validId && (typeof handleOrId !== 'string' || handleOrId.trim() === '')) {
    throw new InvalidParameter('organization', handleOrId, 'expected a handle or a positive integer id');
  }
  const id = typeof handleOrId === 'number' ? handleOrId : { handle: handleOrId };
  const row = await client.pine.get<{ id: number }>({ resource: 'organization', id, options: { $select: 'id' } });
  if (row === undefined) throw new OrganizationNotFound(handleOrId);
  return row.id;
}
