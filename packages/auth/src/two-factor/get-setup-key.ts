import type { Client } from '@balena-ts/core';
import { sessionRequest } from '../internal/session-request.js';

/**
 * Starts setting up two-factor authentication: balena creates a new TOTP secret for the account and
 * returns it, as an `otpauth://` URL (what a QR code for authenticator apps holds) or as a bare key.
 * {@link enable} then turns it on.
 *
 * @param client - the balena-ts client
 * @returns the setup key exactly as balena gives it
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 * @throws {@link @balena-ts/core#RequestError} when balena refuses, e.g. two-factor authentication is already on
 * @example
 * ```ts
 * const setupKey = await getSetupKey(client); // 'otpauth://totp/balena:admin?secret=...&issuer=balena'
 * ```
 */
export async function getSetupKey(client: Client): Promise<string> {
  // Stryker disable next-line ObjectLiteral: core would parse balena's JSON answer into the same string JSON.parse gives below
  const body = await sessionRequest<unknown>(client, '/auth/totp/setup', { responseType: 'text' });
  const text = typeof body === 'string' ? body.trim() : '';
  // A JSON string (balena's answer) is unquoted; any other text, which JSON.parse refuses or reads
  // as something else, is the key as it is.
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed : text;
  } catch {
    return text;
  }
}
