import { InvalidParameter } from '@balena-ts/core';

/**
 * Checks a key used only to find a row (get and remove): any non-empty string. The naming rules
 * are not applied here so that rows written under older rules can still be read and removed.
 *
 * @param parameter - the parameter name for the error
 * @param key - the key as given
 * @throws InvalidParameter when the key is not a non-empty string
 */
export function checkLookupKey(parameter: string, key: string): void {
  if (typeof key !== 'string' || key === '') throw new InvalidParameter(parameter, key, 'must be a non-empty string');
}
