import { InvalidParameter, NotSupported } from '@balena-ts/core';
import { decodeBase32 } from './base32.js';
import { secretFromSetupKey } from './secret-from-setup-key.js';
import { computeTotp } from './totp.js';

// Older balena accounts and many authenticator setups use 10-byte (16-character) secrets, and
// computing a code for an existing secret weakens nothing, so RFC 4226's 16-byte advice is not enforced.
const MIN_SECRET_BYTES = 10;
// No authenticator issues longer secrets; the cap matches what otplib (the earlier implementation
// and the tests' reference) accepted, so a secret valid before stays valid and vice versa.
const MAX_SECRET_BYTES = 64;

/**
 * Options of {@link generateCode}.
 *
 * @example
 * ```ts
 * await generateCode(secret, { timestampMs: Date.now() + 30_000 }); // the next step's code
 * ```
 */
export interface GenerateCodeOptions {
  /** The moment to compute the code for, in ms since the epoch; default now. */
  timestampMs?: number;
}

/**
 * Computes the current TOTP code for a secret locally (RFC 6238: SHA-1, 6 digits, 30-second steps,
 * as balena and authenticator apps use), with Web Crypto. Nothing is sent to balena.
 *
 * @param secret - the base32 secret (spaces, lower case, missing padding and an `otpauth://` URL are accepted)
 * @param options - `timestampMs`: compute the code for another moment
 * @returns the 6-digit code
 * @throws {@link @balena-ts/core#InvalidParameter} when the secret is not base32 or not 10 to 64 bytes
 *   (the message does not repeat it), or when `timestampMs` is not a non-negative number
 * @throws {@link @balena-ts/core#NotSupported} when Web Crypto is missing: browsers offer
 *   `crypto.subtle` only in secure contexts (https or localhost)
 * @example
 * ```ts
 * const code = await generateCode('WGURB3DIUWXTGQDBGFNGKDLV2L3LXOVN'); // e.g. '259975'
 * await challenge(client, code);
 * ```
 */
export async function generateCode(secret: string, options: GenerateCodeOptions = {}): Promise<string> {
  const key = typeof secret === 'string' ? decodeBase32(secretFromSetupKey(secret)) : undefined;
  if (key === undefined || key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new InvalidParameter('secret', '[REDACTED]', 'expected a base32 TOTP secret of 16 to 103 characters');
  }
  const timestampMs = options.timestampMs ?? Date.now();
  // Negated so that NaN fails too; beyond the safe integers the step counter would lose precision.
  if (!(typeof timestampMs === 'number' && timestampMs >= 0 && timestampMs <= Number.MAX_SAFE_INTEGER)) {
    throw new InvalidParameter('timestampMs', timestampMs, 'expected ms since the epoch, not negative');
  }
  if (globalThis.crypto?.subtle === undefined) {
    throw new NotSupported(
      'generateCode needs Web Crypto (crypto.subtle): serve the page over https or from localhost',
    );
  }
  return computeTotp(key, timestampMs);
}
