import { checkOptionsObject, mergeOptions, type ODataOptions } from '@balena-ts/core';

/**
 * Checks a caller's OData options up front, so that a wrong argument fails before any request: a
 * lookup of the parent would otherwise be sent first, and core's merge lets a number or an empty
 * array through unnoticed.
 *
 * @param options - the caller's options: an object of OData options, or `undefined` / `null` for none
 * @returns the options, or `undefined` for none
 * @throws InvalidParameter (`options`) for anything but an object, or for an unknown OData option
 */
export function checkODataOptions(options: ODataOptions | null | undefined): ODataOptions | undefined {
  if (options === undefined || options === null) return undefined;
  checkOptionsObject('options', options);
  mergeOptions({}, options);
  return options;
}
