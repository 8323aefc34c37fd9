import type { Client } from '@balena-ts/core';
import { isSessionRejection } from './internal/require-session.js';
import { whoami } from './whoami.js';

/**
 * Tells whether the client holds a session balena accepts. Asks the API each time (a token can be
 * revoked or expire at any moment); a session whose two-factor check is pending counts as not
 * logged in, since the API refuses it.
 *
 * @param client - the balena-ts client
 * @returns true when the API accepts the credential (a user's, an application's or a device's)
 * @throws {@link @balena-ts/core#RequestError}, {@link @balena-ts/core#NetworkError} or {@link @balena-ts/core#TimeoutError} when the answer is
 *   neither yes nor no
 * @example
 * ```ts
 * if (!(await isLoggedIn(client))) await login(client, { username, password });
 * ```
 */
export async function isLoggedIn(client: Client): Promise<boolean> {
  try {
    await whoami(client);
    return true;
  } catch (error) {
    if (isSessionRejection(error)) return false;
    throw error;
  }
}
