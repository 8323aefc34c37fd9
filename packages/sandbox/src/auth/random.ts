import { randomBytes } from 'node:crypto';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const API_KEY_LENGTH = 32;

/** A random 32-character alphanumeric API key, like balena's. */
export function generateApiKey(): string {
  const bytes = randomBytes(API_KEY_LENGTH * 2);
  let key = '';
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (byte >= 248) continue;
    key += KEY_ALPHABET[byte % KEY_ALPHABET.length];
    if (key.length === API_KEY_LENGTH) return key;
  }
  return key.length === API_KEY_LENGTH ? key : generateApiKey();
}

/** `length` random lower-case hex digits (uuids, commits, secrets). */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}
