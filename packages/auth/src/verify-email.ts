import { type Client, checkOptionsObject, InvalidParameter } from '@balena-ts/core';
import { tokenFromBody } from './internal/token-from-body.js';

/** What {@link verifyEmail} takes: the address and the token of its verification mail. */
export interface VerificationPayload {
  /** The e-mail address being verified. */
  readonly email: string;
  /** The token from the verification mail. */
  readonly token: string;
}

/**
 * Verifies an e-mail address with the token of its verification mail; the token works once. Needs
 * no session, and stores none: pass the returned token to {@link loginWithToken} to use it.
 *
 * @param client - the balena-ts client
 * @param verificationPayload - `{ email, token }`
 * @returns a session token of the verified user
 * @throws {@link @balena-ts/core#InvalidParameter} when the address or the token is missing, empty or not a string; nothing is sent
 * @throws {@link @balena-ts/core#RequestError} when balena refuses the token (wrong, or already used)
 * @example
 * ```ts
 * const token = await verifyEmail(client, { email: 'ada@example.com', token: '5bb11d90eefb34a70318f06a43ef063f' });
 * ```
 */
export async function verifyEmail(client: Client, verificationPayload: VerificationPayload): Promise<string> {
  const { email, token } = checkOptionsObject('verificationPayload', verificationPayload);
  if (typeof email !== 'string' || email.trim() === '') {
    throw new InvalidParameter('verificationPayload.email', email ?? null, 'an email address is required');
  }
  if (typeof token !== 'string' || token.trim() === '') {
    throw new InvalidParameter('verificationPayload.token', token ?? null, 'the verification token is required');
  }
  const response = await client.request('/user/v1/verify-email', {
    method: 'POST',
    body: { verificationToken: token, email },
    auth: false,
    responseType: 'text',
  });
  return tokenFromBody(response);
}
