/** The length of a TOTP time step (RFC 6238's default, used by balena and authenticator apps). */
export const TOTP_STEP_MS = 30_000;
/** The number of digits of a code, as authenticator apps show them. */
export const TOTP_DIGITS = 6;

const COUNTER_BYTES = 8;
const UINT32_RANGE = 2 ** 32;
const OFFSET_MASK = 0x0f;
const SIGN_BIT_MASK = 0x7fff_ffff;

/**
 * Computes the RFC 6238 TOTP code (HMAC-SHA-1, 30-second steps, 6 digits) of a key at a moment,
 * with Web Crypto, so Node and browsers need no library for it.
 *
 * @param key - the secret's bytes
 * @param timestampMs - the moment, in ms since the epoch (a non-negative safe integer or fraction)
 * @returns the code, zero-padded to 6 digits
 * @throws what Web Crypto throws (callers check that `crypto.subtle` exists first)
 */
export async function computeTotp(key: Uint8Array<ArrayBuffer>, timestampMs: number): Promise<string> {
  const counter = Math.floor(timestampMs / TOTP_STEP_MS);
  const message = new DataView(new ArrayBuffer(COUNTER_BYTES));
  // RFC 4226 wants a 64-bit big-endian counter; two 32-bit halves avoid BigInt for a value that
  // stays below 2^53 anyway.
  message.setUint32(0, Math.floor(counter / UINT32_RANGE));
  message.setUint32(4, counter % UINT32_RANGE);
  // Stryker disable next-line BooleanLiteral: an extractable key signs the same; not extractable keeps the secret inside Web Crypto
  const hmacKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new DataView(await crypto.subtle.sign('HMAC', hmacKey, message.buffer));
  // RFC 4226 section 5.3, dynamic truncation: the low nibble of the last byte picks where to read
  // 31 bits (the sign bit is dropped so that every platform reads the same number).
  const offset = mac.getUint8(mac.byteLength - 1) & OFFSET_MASK;
  const truncated = mac.getUint32(offset) & SIGN_BIT_MASK;
  return String(truncated % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}
