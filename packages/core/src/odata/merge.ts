import { InvalidParameter } from '../errors/parameter-errors.js';
import { expandToObject, selectToArray } from './normalize.js';
import type { ODataOptions } from './types.js';

function mergeSelect(defaults: ODataOptions['$select'], extra: ODataOptions['$select']): ODataOptions['$select'] {
  if (defaults === undefined) return extra;
  if (extra === undefined) return defaults;
  const fields = [...selectToArray(defaults), ...selectToArray(extra)];
  if (fields.includes('*')) return '*';
  return [...new Set(fields)];
}

function mergeExpand(defaults: ODataOptions['$expand'], extra: ODataOptions['$expand']): ODataOptions['$expand'] {
  if (defaults === undefined) return extra;
  if (extra === undefined) return defaults;
  const merged = expandToObject(defaults);
  for (const [navigation, options] of Object.entries(expandToObject(extra))) {
    merged[navigation] = mergeOptions(merged[navigation], options);
  }
  return merged;
}

/**
 * Merges a caller's OData options into a function's defaults, with the rules of today's balena
 * JavaScript SDK (its `mergePineOptions`): `$select` lists are joined (a `'*'` wins), `$filter`s are joined
 * with `$and`, `$expand` is merged navigation by navigation with these same rules, and the caller's
 * `$top`, `$skip` and `$orderby` replace the defaults.
 *
 * @param defaults - the function's own options
 * @param extra - the options the caller passed
 * @returns a new options object; the defaults themselves when `extra` is empty
 * @throws {@link InvalidParameter} when `extra` holds an unknown option
 * @example
 * ```ts
 * mergeOptions({ $select: 'id', $filter: { a: 1 } }, { $select: 'name', $filter: { b: 2 } });
 * // { $select: ['id', 'name'], $filter: { $and: [{ a: 1 }, { b: 2 }] } }
 * ```
 */
export function mergeOptions(defaults: ODataOptions | undefined, extra: ODataOptions | undefined): ODataOptions {
  if (extra === undefined || extra === null || Object.keys(extra).length === 0) return defaults ?? {};
  if (typeof extra !== 'object') throw new InvalidParameter('options', extra, 'OData options are an object');
  const merged: ODataOptions = { ...defaults };
  for (const [key, value] of Object.entries(extra) as [keyof ODataOptions, unknown][]) {
    if (value === undefined) continue;
    switch (key) {
      case '$select':
        merged.$select = mergeSelect(defaults?.$select, extra.$select);
        break;
      case '$expand':
        merged.$expand = mergeExpand(defaults?.$expand, extra.$expand);
        break;
      case '$filter':
        merged.$filter = defaults?.$filter === undefined ? extra.$filter : { $and: [defaults.$filter, extra.$filter!] };
        break;
      case '$count':
        merged.$count = mergeOptions(defaults?.$count, extra.$count);
        break;
      case '$top':
      case '$skip':
      case '$orderby':
        (merged as Record<string, unknown>)[key] = value;
        break;
      default:
        throw new InvalidParameter('options', key, 'unknown OData option');
    }
  }
  return merged;
}
