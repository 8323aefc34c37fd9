import { InvalidParameter } from '@balena-ts/core';

// Authenticator apps show 6 digits; RFC 6238 allows up to 8.
const TOTP_CODE_PATTERN = /^\d{6,8}$/;

/**
 * Normalises a TOTP code as a person may type it ('123 456') and checks its shape before it is sent.
 *
 * @param code - the code
 * @returns the digits alone
 * @throws {@link @balena-ts/core#InvalidParameter} when it is not 6 to 8 digits (the message does not repeat it)
 */
export function normalizeTotpCode(code: string): string {
  const digits = typeof code === 'string' ? code.replace(/[\s-]/g, '') : '';
  if (!TOTP_CODE_PATTERN.test(digits)) throw new InvalidParameter('code', '[REDACTED]', 'expected 6 to 8 digits');
  return digits;
}
