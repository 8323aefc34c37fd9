import { type Client, parseReleaseIdentifier, ReleaseNotFound } from '@balena-ts/core';

/**
 * Finds the successful release of an application by full commit hash or release id
 * (`GET /v7/release?$filter=...&$select=id&$top=1`).
 *
 * @param client - the client
 * @param applicationId - the application the release must belong to
 * @param commitOrId - a full commit hash or a release id
 * @returns the release id
 * @throws {@link @balena-ts/core#InvalidParameter} for `''` or a malformed id
 * @throws {@link @balena-ts/core#ReleaseNotFound} when the application has no such successful release
 * @example
 * ```ts
 * const releaseId = await findApplicationReleaseId(client, 42, '7dba4e0c461215374edad74a5b78f470');
 * ```
 */
export async function findApplicationReleaseId(
  client: Client,
  applicationId: number,
  commitOrId: string | number,
): Promise<number> {
  const release = parseReleaseIdentifier(commitOrId, 'fullReleaseHashOrId');
  const match = typeof release === 'number' ? { id: release } : { commit: release };
  const [row] = await client.pine.get<{ id: number }>({
    resource: 'release',
    options: {
      $select: 'id',
      $top: 1,
      $orderby: ['created_at desc', 'id desc'],
      $filter: { $and: [match, { belongs_to__application: applicationId, status: 'success' }] },
    },
  });
  if (row === undefined) throw new ReleaseNotFound(commitOrId);
  return row.id;
}
