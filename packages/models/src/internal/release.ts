import { type Client, InvalidParameter, ReleaseNotFound } from '@balena-ts/core';

/**
 * Checks a release argument before any request: a non-empty commit hash or a positive integer id.
 *
 * @param commitOrId - the value as given
 * @param parameterName - the name the error reports
 * @throws {@link @balena-ts/core#InvalidParameter} for `''`, NaN, zero, a negative or fractional number, or another type
 * @example
 * ```ts
 * checkReleaseIdentifier('7dba4e0c461215374edad74a5b78f470'); // passes
 * ```
 */
export function checkReleaseIdentifier(commitOrId: string | number, parameterName = 'fullReleaseHashOrId'): void {
  const valid =
    typeof commitOrId === 'number'
      ? Number.isSafeInteger(commitOrId) && commitOrId > 0
      : typeof commitOrId === 'string' && commitOrId.trim() !== '';
  if (!valid) throw new InvalidParameter(parameterName, commitOrId, 'expected a full commit hash or a release id');
}

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
  checkReleaseIdentifier(commitOrId);
  const match = typeof commitOrId === 'number' ? { id: commitOrId } : { commit: commitOrId };
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
