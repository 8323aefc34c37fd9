// RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30 s steps), computed here so the
// compatibility runner depends on nothing but node:crypto and the official SDK under test.
import { createHmac } from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Decodes an RFC 4648 base32 string (padding, spaces and case ignored).
 * @param {string} text
 * @returns {Buffer}
 */
export function decodeBase32(text) {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (const character of clean) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value < 0) throw new Error(`not a base32 character: ${character}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/**
 * The time step a moment falls in.
 * @param {number} [epochMs]
 * @returns {number}
 */
export function totpStep(epochMs = Date.now()) {
  return Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);
}

/**
 * The 6-digit code of one time step for a base32 secret.
 * @param {string} secretBase32
 * @param {number} step
 * @returns {string}
 */
export function totpCode(secretBase32, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', decodeBase32(secretBase32)).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * Reads the secret out of an `otpauth://` URL, or returns the text itself when it is a bare key.
 * The URL may arrive JSON-quoted, as the sandbox's setup endpoint sends a JSON string.
 * @param {string} setupKey
 * @returns {string}
 */
export function secretFromSetupKey(setupKey) {
  const text = setupKey.trim().replace(/^"|"$/g, '');
  if (!text.startsWith('otpauth://')) return text;
  const secret = new URL(text).searchParams.get('secret');
  if (!secret) throw new Error(`no secret in ${text}`);
  return secret;
}
