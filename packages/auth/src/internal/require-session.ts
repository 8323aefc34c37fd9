import { type Client, ExpiredToken, isTokenExpired, MalformedToken, NotLoggedIn, RequestError } from '@balena-ts/core';
import { readSession } from './read-session.js';

/** How strict {@link requireSession} is. */
export interface SessionRequirement {
  /** Accept a session whose two-factor check is still pending (the TOTP endpoints need it). */
  allowTwoFactorPending?: boolean;
}

/**
 * Checks, without a request, that the client holds a session the API will accept, so that a call
 * fails with a clear NotLoggedIn instead of a round trip, a pointless token refresh and a 401.
 *
 * @param client - the balena-ts client
 * @param requirement - whether a pending two-factor session is acceptable
 * @returns the credential
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no credential, it is malformed or expired, or (unless
 *   allowed) its two-factor check is pending
 */
export async function requireSession(client: Client, requirement: SessionRequirement = {}): Promise<string> {
  const { credential, shape } = await readSession(client, 'Not logged in: call login() or loginWithToken() first');
  if (shape.kind === 'api-key') return credential;
  if (isTokenExpired(credential)) {
    throw new NotLoggedIn('Not logged in: the session has expired, log in again', { cause: new ExpiredToken() });
  }
  if (shape.claims.twoFactorRequired === true && !requirement.allowTwoFactorPending) {
    throw new NotLoggedIn('Two-factor authentication is pending: pass it with challenge() first');
  }
  return credential;
}

/**
 * Tells whether an error means the API refused the session: a 401, or core's own verdict.
 *
 * @param error - any caught value
 * @returns true for NotLoggedIn, ExpiredToken, MalformedToken and 401 request errors
 */
export function isSessionRejection(error: unknown): boolean {
  if (error instanceof NotLoggedIn || error instanceof ExpiredToken || error instanceof MalformedToken) return true;
  return error instanceof RequestError && error.status === 401;
}
