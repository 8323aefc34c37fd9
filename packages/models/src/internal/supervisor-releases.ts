import type { Filter } from '@balena-ts/core';

/**
 * The supervisor releases balena publishes for a CPU architecture: final, valid, successful
 * releases of the public `balena_os/<arch>-supervisor` fleets (not host fleets).
 *
 * @param architecture - the CPU architecture's id, or a filter on it (e.g. by slug)
 * @returns the `$filter` of such releases, to be combined with the caller's own fields
 * @example
 * ```ts
 * const filter = { ...supervisorReleasesOf(3), raw_version: '17.1.1' };
 * ```
 */
export function supervisorReleasesOf(architecture: number | Filter): Filter {
  return {
    status: 'success',
    is_final: true,
    is_invalidated: false,
    belongs_to__application: {
      $any: {
        $alias: 'a',
        $expr: {
          $and: [{ a: { slug: { $startswith: 'balena_os/' } } }, { a: { slug: { $endswith: '-supervisor' } } }],
          a: {
            is_public: true,
            is_host: false,
            is_for__device_type: {
              $any: { $alias: 'dt', $expr: { dt: { is_of__cpu_architecture: architecture } } },
            },
          },
        },
      },
    },
  };
}
