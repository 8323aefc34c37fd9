import { type Client, InvalidParameter, isPositiveId, mergeOptions, type ODataOptions } from '@balena-ts/core';
import { checkODataOptions } from '../internal/odata-options.js';
import { supervisorReleasesOf } from '../internal/supervisor-releases.js';

/** A supervisor release, with the fields selected by default. */
export interface SupervisorRelease {
  /** The release id. */
  readonly id: number;
  /** The supervisor version, e.g. `17.1.1`. */
  readonly raw_version: string;
  /** Known issues, when balena flagged the release. */
  readonly known_issue_list: string | null;
  /** Other fields a caller's `$select` or `$expand` asked for. */
  readonly [field: string]: unknown;
}

/**
 * Lists the supervisor releases for a CPU architecture, newest first: the successful, final, valid
 * releases of balena's public `balena_os/<arch>-supervisor` fleets.
 *
 * @param client - the client
 * @param cpuArchitectureSlugOrId - an architecture slug (`aarch64`) or id
 * @param options - OData options merged into the query (e.g. `{ $filter: { raw_version: '17.1.1' } }`)
 * @returns the releases
 * @throws {@link @balena-ts/core#InvalidParameter} for an empty slug, an id that is not a positive integer, or options
 * that are not an object, before any request
 * @example
 * ```ts
 * const [newest] = await getSupervisorReleasesForCpuArchitecture(client, 'aarch64');
 * ```
 */
export async function getSupervisorReleasesForCpuArchitecture(
  client: Client,
  cpuArchitectureSlugOrId: string | number,
  options?: ODataOptions,
): Promise<SupervisorRelease[]> {
  const isId = typeof cpuArchitectureSlugOrId === 'number';
  if (
    isId
      ? !isPositiveId(cpuArchitectureSlugOrId)
      : typeof cpuArchitectureSlugOrId !== 'string' || cpuArchitectureSlugOrId.trim() === ''
  ) {
    throw new InvalidParameter(
      'cpuArchitectureSlugOrId',
      cpuArchitectureSlugOrId,
      'expected a CPU architecture slug or id',
    );
  }
  const checked = checkODataOptions(options);
  const architecture = isId
    ? cpuArchitectureSlugOrId
    : { $any: { $alias: 'c', $expr: { c: { slug: cpuArchitectureSlugOrId } } } };
  return client.pine.get<SupervisorRelease>({
    resource: 'release',
    options: mergeOptions(
      {
        $select: ['id', 'raw_version', 'known_issue_list'],
        $filter: { ...supervisorReleasesOf(architecture), semver_major: { $gt: 0 } },
        $orderby: [{ semver_major: 'desc' }, { semver_minor: 'desc' }, { semver_patch: 'desc' }, { revision: 'desc' }],
      },
      checked,
    ),
  });
}
