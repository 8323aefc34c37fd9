import { InvalidParameter } from '../errors/parameter-errors.js';
import type { ODataOptions } from './types.js';

/**
 * Splits a `$select` given as a string or array into field names.
 *
 * @param select - `'id,name'`, `['id', 'name']` or undefined
 * @returns the field names, trimmed, empty entries dropped
 * @throws {@link InvalidParameter} when the value is neither a string nor an array of strings
 */
export function selectToArray(select: ODataOptions['$select']): string[] {
  if (select === undefined) return [];
  const items: unknown[] =
    typeof select === 'string' ? select.split(',') : Array.isArray(select) ? [...select] : [select];
  return items
    .map((item) => {
      if (typeof item !== 'string')
        throw new InvalidParameter('$select', select, 'expected a string or an array of strings');
      return item.trim();
    })
    .filter((item) => item !== '');
}

/**
 * Brings the three forms of `$expand` to one: an object of navigation → options.
 *
 * @param expand - `'a,b'`, `['a', 'b']` or `{ a: { $select: 'id' } }`
 * @returns a new object; string forms become `{ a: {} }`
 * @throws {@link InvalidParameter} when the value is none of those forms
 */
export function expandToObject(expand: ODataOptions['$expand']): Record<string, ODataOptions> {
  if (expand === undefined) return {};
  if (typeof expand === 'string' || Array.isArray(expand)) {
    const result: Record<string, ODataOptions> = {};
    for (const navigation of selectToArray(expand as string | readonly string[])) result[navigation] = {};
    return result;
  }
  if (typeof expand !== 'object' || expand === null) {
    throw new InvalidParameter('$expand', expand, 'expected a string, an array or an object');
  }
  return { ...(expand as Record<string, ODataOptions>) };
}
