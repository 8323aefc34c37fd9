import { type Client, TOKEN_STORAGE_KEY } from '@balena-ts/core';

/**
 * The credential requests are sent with, read without touching the network: the client's `apiKey`
 * option when set (core gives it precedence), otherwise the stored session token.
 *
 * Deliberately not `client.tokens.get()`: that may refresh the token first, and the functions
 * built on this one (getToken, isEnabled, isPassed, the session checks) promise no HTTP.
 *
 * @param client - the balena-ts client
 * @returns the credential, or undefined when there is none
 */
export async function readCredential(client: Client): Promise<string | undefined> {
  // Trimmed as core does: a token file written by the balena CLI or an editor may end with a newline.
  const credential = (client.config.apiKey ?? (await client.storage.get(TOKEN_STORAGE_KEY)))?.trim();
  return credential === '' ? undefined : credential;
}
