import { InvalidParameter } from '../errors/parameter-errors.js';
import { checkIdentifier, escapeString, formatLiteral } from './escape.js';
import type { ResourceId } from './types.js';

/**
 * Formats a key for a resource path: `5` → `(5)`, `'x'` → `('x')`, `{ uuid: 'x' }` → `(uuid='x')`.
 *
 * @param id - a numeric id, a string key, or an alternate key object
 * @returns the parenthesised key
 * @throws {@link InvalidParameter} for an empty, non-finite or otherwise unusable key
 * @example
 * ```ts
 * formatResourceId({ handle: 'admin' }); // "(handle='admin')"
 * ```
 */
export function formatResourceId(id: ResourceId): string {
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id)) throw new InvalidParameter('id', id, 'ids are integers');
    return `(${id})`;
  }
  if (typeof id === 'string') {
    if (id === '') throw new InvalidParameter('id', id, 'the key is empty');
    return `(${escapeString(id)})`;
  }
  if (id === null || typeof id !== 'object' || Array.isArray(id)) {
    throw new InvalidParameter('id', id, 'expected a number, a string or an object of key fields');
  }
  const entries = Object.entries(id);
  if (entries.length === 0) throw new InvalidParameter('id', id, 'the key object has no fields');
  const parts = entries.map(([field, value]) => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new InvalidParameter('id', id, `key field "${field}" must be a string or a number`);
    }
    return `${checkIdentifier(field, 'id')}=${formatLiteral(value, 'id')}`;
  });
  return `(${parts.join(',')})`;
}
