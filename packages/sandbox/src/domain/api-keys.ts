import { generateApiKey } from '../auth/random.js';
import { messageError } from '../http/http-error.js';
import { insertRow } from '../store/new-row.js';
import type { Store } from '../store/store.js';

/** A key's optional metadata. */
export interface KeyDetails {
  name?: unknown;
  description?: unknown;
  expiryDate?: unknown;
}

/** Validates `expiryDate` as balena does: null or a parseable date (400 otherwise). */
export function parseExpiry(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw messageError(400, 'Key expiry date should be a valid date');
  return new Date(time).toISOString();
}

/** Creates an API key for an actor and returns the key itself. */
export function createApiKey(store: Store, actorId: number, details: KeyDetails): string {
  const key = generateApiKey();
  insertRow(store, 'api_key', {
    key,
    is_of__actor: actorId,
    name: typeof details.name === 'string' ? details.name : null,
    description: typeof details.description === 'string' ? details.description : null,
    expiry_date: parseExpiry(details.expiryDate),
  });
  return key;
}
