import { mergeOptions } from './merge.js';
import type { ODataOptions } from './types.js';

/**
 * balena's JavaScript SDK's name for {@link mergeOptions}: merges a caller's pine (OData) options
 * into defaults. `$select` lists are joined (`'*'` wins), `$filter`s must both hold (`$and`),
 * `$expand`s are merged navigation by navigation with the same rules, the caller's `$top`, `$skip`
 * and `$orderby` replace the defaults, and an unknown option of the caller is refused.
 *
 * @param defaults - the options a function starts from
 * @param extras - the caller's options; none gives `defaults` back
 * @returns the merged options (a new object unless `extras` is empty)
 * @throws {@link InvalidParameter} when `extras` holds an unknown option
 * @example
 * ```ts
 * mergePineOptions({ $select: 'id', $orderby: 'name asc' }, { $select: ['name'], $top: 5 });
 * // { $select: ['id', 'name'], $orderby: 'name asc', $top: 5 }
 * ```
 */
export function mergePineOptions(defaults: ODataOptions, extras?: ODataOptions): ODataOptions {
  return mergeOptions(defaults, extras);
}
