import { type Client, RequestError } from '@balena-ts/core';
import { getSetupKey } from './get-setup-key.js';
import { secretFromSetupKey } from './secret-from-setup-key.js';

/**
 * Starts setting up two-factor authentication and returns the new base32 TOTP secret, whichever
 * shape balena's setup answer has (an `otpauth://` URL or a bare key). Feed it to an authenticator
 * app or to {@link generateCode}, then call {@link enable}.
 *
 * @param client - the balena-ts client
 * @returns the base32 secret, e.g. 'WGURB3DIUWXTGQDBGFNGKDLV2L3LXOVN'
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 * @throws {@link @balena-ts/core#RequestError} when balena refuses, or answers without a secret
 * @example
 * ```ts
 * const secret = await getOtpauthSecret(client);
 * await enable(client, await generateCode(secret));
 * ```
 */
export async function getOtpauthSecret(client: Client): Promise<string> {
  const secret = secretFromSetupKey(await getSetupKey(client));
  if (secret === '') {
    throw new RequestError({
      status: 200,
      method: 'GET',
      url: '/auth/totp/setup',
      message: 'The two-factor setup answer holds no secret',
    });
  }
  return secret;
}
