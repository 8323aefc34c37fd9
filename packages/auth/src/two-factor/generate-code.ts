import { InvalidParameter } from '@balena-ts/core';
import { createGuardrails, generateSync } from 'otplib';
import { secretFromSetupKey } from './secret-from-setup-key.js';

// otplib refuses secrets under 16 bytes by default; older balena accounts and many authenticator
// setups use 10-byte (16-character) secrets, and computing a code for an existing secret weakens nothing.
const MIN_SECRET_BYTES = 10;

/**
 * Options of {@link generateCode}.
 *
 * @example
 * ```ts
 * generateCode(secret, { timestampMs: Date.now() + 30_000 }); // the next step's code
 * ```
 */
export interface GenerateCodeOptions {
  /** The moment to compute the code for, in ms since the epoch; default now. */
  timestampMs?: number;
}

/**
 * Computes the current TOTP code for a secret locally (RFC 6238: SHA-1, 6 digits, 30-second steps,
 * as balena and authenticator apps use). Nothing is sent to balena.
 *
 * @param secret - the base32 secret (spaces, lower case and an `otpauth://` URL are accepted)
 * @param options - `timestampMs`: compute the code for another moment
 * @returns the 6-digit code
 * @throws {@link @balena-ts/core#InvalidParameter} when the secret is not base32 or too short (the message does not repeat it)
 * @example
 * ```ts
 * const code = generateCode('WGURB3DIUWXTGQDBGFNGKDLV2L3LXOVN'); // e.g. '259975'
 * await challenge(client, code);
 * ```
 */
export function generateCode(secret: string, options: GenerateCodeOptions = {}): string {
  const normalized = typeof secret === 'string' ? secretFromSetupKey(secret) : '';
  const epoch = options.timestampMs === undefined ? undefined : Math.floor(options.timestampMs / 1000);
  try {
    return generateSync({
      secret: normalized,
      guardrails: createGuardrails({ MIN_SECRET_BYTES }),
      ...(epoch === undefined ? {} : { epoch }),
    });
  } catch {
    // otplib's messages quote the offending characters of the secret: do not chain them.
    throw new InvalidParameter('secret', '[REDACTED]', 'expected a base32 TOTP secret of at least 16 characters');
  }
}
