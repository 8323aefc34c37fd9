import { type Client, NotLoggedIn } from '@balena-ts/core';
import { readCredential } from './read-credential.js';
import { readTokenShape, type TokenShape } from './token-shape.js';

/** The credential requests are sent with, and what it turned out to be. */
export interface StoredSession {
  /** The credential, trimmed. */
  readonly credential: string;
  /** A session JWT with its claims, or an API key. */
  readonly shape: TokenShape;
}

/**
 * Reads the credential and tells a session JWT from an API key, without a request.
 *
 * @param client - the balena-ts client
 * @param missingMessage - the NotLoggedIn message when there is no credential (each caller says what to do)
 * @returns the credential and its shape
 * @throws {@link @balena-ts/core#NotLoggedIn} when there is no credential or it is malformed (the cause
 *   says how, never quoting the token)
 */
export async function readSession(client: Client, missingMessage: string): Promise<StoredSession> {
  const credential = await readCredential(client);
  if (credential === undefined) throw new NotLoggedIn(missingMessage);
  try {
    return { credential, shape: readTokenShape(credential) };
  } catch (error) {
    throw new NotLoggedIn('Not logged in: the stored token is malformed', { cause: error });
  }
}
