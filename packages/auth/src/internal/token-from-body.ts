import { MalformedToken } from '@balena-ts/core';

/**
 * Reads the token out of a response body. balena answers `/login_` and the TOTP endpoints with
 * the bare token as text, and the API key endpoints with a JSON string; accept both.
 *
 * @param body - the response body read as text
 * @returns the token
 * @throws {@link @balena-ts/core#MalformedToken} when the body holds no token
 */
export function tokenFromBody(body: unknown): string {
  let token = typeof body === 'string' ? body.trim() : '';
  if (token.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(token);
      token = typeof parsed === 'string' ? parsed.trim() : '';
    } catch {
      token = '';
    }
  }
  if (token === '' || /\s/.test(token)) throw new MalformedToken('The server answered without a token');
  return token;
}
