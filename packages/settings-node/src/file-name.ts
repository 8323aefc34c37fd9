import { createHash } from 'node:crypto';

/** Prefix of every file the storage owns besides `token`, so that it never touches the CLI's other files. */
export const FILE_NAME_PREFIX = 'balena-ts.';

// Lower-case letters, digits, `_` and `-` stay as they are; everything else, upper case included,
// becomes %xx per UTF-8 byte. That keeps keys apart on case-insensitive file systems (macOS,
// Windows), makes `..`, `/` and `\` harmless, and leaves `%` itself unambiguous.
const PLAIN_CHARACTER = /[a-z0-9_-]/;

// Most file systems cap a name at 255 bytes; longer keys are named by their hash instead.
const MAX_ENCODED_LENGTH_BYTES = 200;

/** The token's file name: the balena CLI keeps the raw token in `<dataDirectory>/token`. */
export const TOKEN_FILE_NAME = 'token';

/**
 * Turns a storage key into a file name that is safe on every platform and unique per key.
 *
 * @param key - any string
 * @returns `token` for the token key, otherwise `balena-ts.` followed by the encoded key
 */
export function keyToFileName(key: string): string {
  if (key === TOKEN_FILE_NAME) return TOKEN_FILE_NAME;
  let encoded = '';
  for (const byte of new TextEncoder().encode(key)) {
    // A byte of 0x80 or more is a Latin-1 character here, which PLAIN_CHARACTER never matches.
    const character = String.fromCharCode(byte);
    encoded += PLAIN_CHARACTER.test(character) ? character : `%${byte.toString(16).padStart(2, '0')}`;
  }
  if (encoded.length > MAX_ENCODED_LENGTH_BYTES) {
    // `#` never appears in an encoded key, so a hashed name cannot collide with a short one.
    encoded = `#${createHash('sha256').update(key).digest('hex')}`;
  }
  return `${FILE_NAME_PREFIX}${encoded}`;
}
