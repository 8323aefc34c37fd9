import {
  AmbiguousRelease,
  type Client,
  type Filter,
  InvalidParameter,
  isPositiveId,
  mergeOptions,
  type ODataOptions,
  parseReleaseIdentifier,
  ReleaseNotFound,
} from '@balena-ts/core';
import type { ReleaseIdentifier } from '../types/release.js';
import { resolveApplicationId } from './application.js';
import { checkODataOptions } from './odata-options.js';

const PARAMETER_NAME = 'commitOrIdOrRawVersion';

/**
 * Validates a release argument.
 *
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @returns the argument, checked
 * @throws InvalidParameter for `''`, a non-positive or non-integer id, or an incomplete pair
 */
export function checkReleaseIdentifier(commitOrIdOrRawVersion: ReleaseIdentifier): ReleaseIdentifier {
  const value: unknown = commitOrIdOrRawVersion;
  if (typeof value !== 'object' || value === null) return parseReleaseIdentifier(value, PARAMETER_NAME);
  const { application, rawVersion } = value as { application?: unknown; rawVersion?: unknown };
  const applicationGiven = isPositiveId(application) || (typeof application === 'string' && application !== '');
  if (applicationGiven && typeof rawVersion === 'string' && rawVersion !== '') return commitOrIdOrRawVersion;
  throw new InvalidParameter(
    PARAMETER_NAME,
    value,
    'expected a release id, a full commit, or { application, rawVersion }',
  );
}

function describe(commitOrIdOrRawVersion: ReleaseIdentifier): string | number {
  if (typeof commitOrIdOrRawVersion !== 'object') return commitOrIdOrRawVersion;
  return `${commitOrIdOrRawVersion.rawVersion} of application ${commitOrIdOrRawVersion.application}`;
}

async function releaseFilter(
  client: Client,
  identifier: string | { application: string | number; rawVersion: string },
): Promise<Filter> {
  if (typeof identifier === 'string') return { commit: identifier };
  const applicationId = await resolveApplicationId(client, identifier.application);
  return { raw_version: identifier.rawVersion, belongs_to__application: applicationId };
}

/**
 * Gets one release by id (by key), by full commit (`$filter=commit eq '…'`), or by an application and
 * a raw version (the application is resolved first), with the caller's OData options.
 *
 * @typeParam T - the shape of the returned row
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @param options - OData options merged into the query
 * @returns the release
 * @throws InvalidParameter for a malformed argument or options, before any request
 * @throws ReleaseNotFound when nothing matches; ApplicationNotFound for the pair form
 * @throws AmbiguousRelease when several releases match
 */
export async function getRelease<T>(
  client: Client,
  commitOrIdOrRawVersion: ReleaseIdentifier,
  options?: ODataOptions,
): Promise<T> {
  const identifier = checkReleaseIdentifier(commitOrIdOrRawVersion);
  const callerOptions = checkODataOptions(options);
  if (typeof identifier === 'number') {
    const row = await client.pine.get<T>({ resource: 'release', id: identifier, options: callerOptions });
    if (row === undefined) throw new ReleaseNotFound(identifier);
    return row;
  }
  const filter = await releaseFilter(client, identifier);
  const rows = await client.pine.get<T>({
    resource: 'release',
    options: mergeOptions({ $filter: filter }, callerOptions),
  });
  if (rows.length === 0) throw new ReleaseNotFound(describe(identifier));
  if (rows.length > 1) throw new AmbiguousRelease(describe(identifier));
  return rows[0] as T;
}

/**
 * Resolves a release argument to its id; an id is returned without a request.
 *
 * @param client - the client
 * @param commitOrIdOrRawVersion - an id, a full commit, or `{ application, rawVersion }`
 * @returns the release id
 * @throws InvalidParameter, ReleaseNotFound, AmbiguousRelease as {@link getRelease}
 */
export async function resolveReleaseId(client: Client, commitOrIdOrRawVersion: ReleaseIdentifier): Promise<number> {
  const identifier = checkReleaseIdentifier(commitOrIdOrRawVersion);
  if (typeof identifier === 'number') return identifier;
  const row = await getRelease<{ id: number }>(client, identifier, { $select: 'id' });
  return row.id;
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
