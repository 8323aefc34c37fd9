import type { Filter } from '@balena-ts/core';

/**
 * Builds the filter that selects rows through a chain of navigations ending in a field equal to an
 * owner's id, e.g. `ownedVia(['device'], 'belongs_to__application')(5)` is
 * `device/any(n0:n0/belongs_to__application eq 5)`.
 *
 * @param navigations - the navigations from the row to the owner's link, outermost first
 * @param field - the field on the last navigation that holds the owner's id
 * @returns the filter for a given owner id
 */
export function ownedVia(navigations: readonly string[], field: string): (ownerId: number) => Filter {
  return (ownerId) =>
    navigations.reduceRight<Filter>(
      (inner, navigation, depth) => {
        const alias = `n${depth}`;
        return { [navigation]: { $any: { $alias: alias, $expr: { [alias]: inner } } } };
      },
      { [field]: ownerId },
    );
}
