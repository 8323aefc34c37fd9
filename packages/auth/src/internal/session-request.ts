import { type Client, NotLoggedIn, type RequestOptions } from '@balena-ts/core';
import { isSessionRejection, requireSession, type SessionRequirement } from './require-session.js';

/**
 * Sends a request that needs a session: checks the session first, and turns the API refusing it
 * into NotLoggedIn (with the original failure as `cause`), so every auth function fails alike.
 *
 * @param client - the balena-ts client
 * @param path - the API path
 * @param options - request options
 * @param requirement - whether a pending two-factor session is acceptable
 * @returns the response body
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session or the API refuses it
 */
export async function sessionRequest<T>(
  client: Client,
  path: string,
  options: RequestOptions = {},
  requirement?: SessionRequirement,
): Promise<T> {
  await requireSession(client, requirement);
  try {
    return await client.request<T>(path, options);
  } catch (error) {
    if (error instanceof NotLoggedIn || !isSessionRejection(error)) throw error;
    throw new NotLoggedIn('Not logged in: the API refused the session, log in again', { cause: error });
  }
}
