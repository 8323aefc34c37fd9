import { InvalidParameter } from '../errors/parameter-errors.js';
import { checkIdentifier } from './escape.js';
import { buildFilter } from './filter.js';
import { expandToObject, selectToArray } from './normalize.js';
import type { ODataOptions, OrderBy } from './types.js';

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  '$select',
  '$expand',
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$count',
]);
const ORDER_ITEM_PATTERN = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?$/;

function formatSelect(select: ODataOptions['$select']): string {
  const fields = selectToArray(select);
  for (const field of fields) if (field !== '*') checkIdentifier(field, '$select');
  return fields.join(',');
}

function formatOrderItem(item: string): string {
  const match = ORDER_ITEM_PATTERN.exec(item.trim());
  if (!match) throw new InvalidParameter('$orderby', item, "expected 'field', 'field asc' or 'field desc'");
  return match[2] ? `${match[1]} ${match[2]}` : match[1]!;
}

function formatOrderObject(order: OrderBy): string[] {
  return Object.entries(order).map(([field, direction]) => {
    if (direction !== 'asc' && direction !== 'desc') {
      throw new InvalidParameter('$orderby', direction, `the direction of "${field}" must be 'asc' or 'desc'`);
    }
    return formatOrderItem(`${field} ${direction}`);
  });
}

function formatOrderBy(orderBy: NonNullable<ODataOptions['$orderby']>): string {
  const items = typeof orderBy === 'string' ? orderBy.split(',') : Array.isArray(orderBy) ? orderBy : [orderBy];
  return items
    .flatMap((item: string | OrderBy) => (typeof item === 'string' ? [formatOrderItem(item)] : formatOrderObject(item)))
    .join(',');
}

function formatCount(value: unknown, name: '$top' | '$skip'): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidParameter(name, value, 'expected a non-negative integer');
  }
  return String(value);
}

function formatExpand(expand: ODataOptions['$expand']): string {
  return Object.entries(expandToObject(expand))
    .map(([navigation, options]) => {
      checkIdentifier(navigation, '$expand');
      if (options === undefined || options === null) return navigation;
      const { $count, ...rest } = options;
      if ($count !== undefined) {
        if (Object.keys(rest).length > 0) {
          throw new InvalidParameter('$expand', navigation, '$count cannot be combined with other options');
        }
        const countOptions = buildParts($count, true).join(';');
        return countOptions ? `${navigation}/$count(${countOptions})` : `${navigation}/$count`;
      }
      const nested = buildParts(options, true).join(';');
      return nested ? `${navigation}(${nested})` : navigation;
    })
    .join(',');
}

function buildParts(options: ODataOptions, nested: boolean): string[] {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidParameter('options', options, 'OData options are an object');
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new InvalidParameter('options', key, 'unknown OData option');
  }
  if (!nested && options.$count !== undefined) {
    throw new InvalidParameter('$count', options.$count, '$count is only allowed inside $expand');
  }
  const parts: string[] = [];
  const select = options.$select === undefined ? '' : formatSelect(options.$select);
  if (select) parts.push(`$select=${select}`);
  const expand = options.$expand === undefined ? '' : formatExpand(options.$expand);
  if (expand) parts.push(`$expand=${expand}`);
  if (options.$filter !== undefined) parts.push(`$filter=${buildFilter(options.$filter)}`);
  const orderBy = options.$orderby === undefined ? '' : formatOrderBy(options.$orderby);
  if (orderBy) parts.push(`$orderby=${orderBy}`);
  if (options.$top !== undefined) parts.push(`$top=${formatCount(options.$top, '$top')}`);
  if (options.$skip !== undefined) parts.push(`$skip=${formatCount(options.$skip, '$skip')}`);
  return parts;
}

/**
 * Builds the query string of an OData request, in a fixed order
 * (`$select`, `$expand`, `$filter`, `$orderby`, `$top`, `$skip`). Structural characters stay
 * unencoded because balena's OData parser reads the raw URL; values are escaped.
 *
 * @param options - the OData options
 * @returns the query without a leading `?` (empty when there are no options)
 * @throws {@link InvalidParameter} for an unknown option, a bad field name or an unsupported value
 * @example
 * ```ts
 * buildQuery({ $select: ['id', 'device_name'], $filter: { is_online: true }, $top: 10 });
 * // '$select=id,device_name&$filter=is_online eq true&$top=10'
 * ```
 */
export function buildQuery(options: ODataOptions): string {
  return buildParts(options, false).join('&');
}
