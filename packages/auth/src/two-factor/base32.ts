const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BITS_PER_CHARACTER = 5;
const BITS_PER_BYTE = 8;
const CHARACTERS_PER_BLOCK = 8;
// 1, 3 or 6 characters past a full 8-character block hold 5, 15 or 30 bits: no whole number of
// bytes encodes to that, so such a length means a character was lost or added (RFC 4648 section 6).
const IMPOSSIBLE_REMAINDERS: ReadonlySet<number> = new Set([1, 3, 6]);

/**
 * Decodes RFC 4648 base32 (the alphabet of TOTP secrets). Lower case, white space and missing or
 * present trailing `=` padding are accepted, since people copy secrets from screens and URLs.
 *
 * @param text - the base32 text
 * @returns the bytes, or `undefined` when the text is not base32 (a character outside the alphabet,
 *   an impossible length, or set bits after the last whole byte)
 */
export function decodeBase32(text: string): Uint8Array<ArrayBuffer> | undefined {
  const characters = text.replace(/\s/g, '').replace(/=+$/, '').toUpperCase();
  if (IMPOSSIBLE_REMAINDERS.has(characters.length % CHARACTERS_PER_BLOCK)) return undefined;
  const bytes = new Uint8Array(Math.floor((characters.length * BITS_PER_CHARACTER) / BITS_PER_BYTE));
  let pending = 0;
  let pendingBits = 0;
  let written = 0;
  for (const character of characters) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value < 0) return undefined;
    pending = (pending << BITS_PER_CHARACTER) | value;
    pendingBits += BITS_PER_CHARACTER;
    if (pendingBits >= BITS_PER_BYTE) {
      pendingBits -= BITS_PER_BYTE;
      bytes[written++] = pending >> pendingBits;
      pending &= (1 << pendingBits) - 1;
    }
  }
  // The canonical encoding pads the last character with zero bits; anything else is a different
  // (mistyped) secret that would still yield plausible but wrong codes, so refuse it as otplib does.
  if (pending !== 0) return undefined;
  return bytes;
}
