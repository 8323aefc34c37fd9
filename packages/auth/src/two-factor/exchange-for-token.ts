import { type Client, LoginFailed, NotLoggedIn, RequestError } from '@balena-ts/core';
import { requireSession } from '../internal/require-session.js';
import { tokenFromBody } from '../internal/token-from-body.js';

/** What a rejected exchange means and which sessions may attempt it. */
export interface ExchangeRules {
  /** The LoginFailed message when balena rejects the code or password. */
  rejectedMessage: string;
  /** Whether a session whose two-factor check is pending may send it. */
  allowTwoFactorPending: boolean;
}

/**
 * Posts a TOTP code or a password to a `/auth/totp/*` endpoint and returns the new session token
 * balena answers with.
 *
 * @param client - the balena-ts client
 * @param path - the endpoint
 * @param body - `{ code }` or `{ password }`
 * @param rules - the rejection message and the session requirement
 * @returns the new session token
 * @throws {@link @balena-ts/core#LoginFailed} when balena rejects the code or password (400 or 401)
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no usable session
 */
export async function exchangeForToken(
  client: Client,
  path: string,
  body: Record<string, string>,
  rules: ExchangeRules,
): Promise<string> {
  const credential = await requireSession(client, { allowTwoFactorPending: rules.allowTwoFactorPending });
  let response: unknown;
  try {
    // An explicit credential is never refreshed by core: a rejected code gets no refresh-and-replay,
    // which would send the same code (or password) a second time.
    response = await client.request(path, { method: 'POST', body, token: credential, responseType: 'text' });
  } catch (error) {
    if (
      error instanceof NotLoggedIn ||
      (error instanceof RequestError && (error.status === 400 || error.status === 401))
    ) {
      throw new LoginFailed(rules.rejectedMessage, { cause: error });
    }
    throw error;
  }
  return tokenFromBody(response);
}
