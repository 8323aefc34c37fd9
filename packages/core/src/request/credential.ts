import type { ClientConfig } from '../client/options.js';
import { ExpiredToken, MalformedToken, NotLoggedIn } from '../errors/auth-errors.js';
import type { BalenaError } from '../errors/balena-error.js';
import type { RequestError } from '../errors/request-errors.js';
import { isJwt, isTokenExpired } from '../tokens/jwt.js';
import type { TokenSession } from '../tokens/token-provider.js';
import type { RequestOptions } from './types.js';

/** The credential of one request. */
export interface Credential {
  /** The Bearer token, if any. */
  token: string | undefined;
  /** Only the provider's session JWT may be refreshed and replayed after a 401. */
  refreshable: boolean;
}

// JWTs and API keys are visible ASCII. Anything else (a line break, bytes of a corrupt token file)
// cannot travel in a header: fetch would refuse it with the token in its message, and the refusal
// would look like a network failure worth retrying.
const SENDABLE_TOKEN_PATTERN = /^[!-~]+$/;

function checkSendable(token: string | undefined): string | undefined {
  if (token === undefined || SENDABLE_TOKEN_PATTERN.test(token)) return token;
  throw new MalformedToken(
    'The credential cannot be sent: it holds characters an HTTP header cannot carry ' +
      '(a line break, or a corrupt token file): log in again or set a valid API key',
  );
}

/**
 * Waits for a token operation unless the call's signal aborts first, then rejects with its reason.
 * The operation itself runs on: a refresh is shared by every concurrent request of the client.
 */
function unlessAborted<T>(operation: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return operation;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the listener is removed once the operation settles, and a signal aborts once
    signal.addEventListener('abort', onAbort, { once: true });
    operation.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Chooses the credential of a request: the request's own `token`, none for `auth: false`, else the
 * provider's (refreshed by it when due).
 *
 * @param config - the client's configuration (for `apiKey`)
 * @param session - the client's token session
 * @param options - the request's options
 * @param signal - the call's signal: an abort ends the wait for a token refresh
 * @returns the credential
 * @throws {@link ExpiredToken} for an expired session JWT the provider could not refresh, before anything is sent
 * @throws {@link MalformedToken} for a credential that cannot be a header value
 */
export async function credentialFor(
  config: ClientConfig,
  session: TokenSession,
  options: RequestOptions,
  signal?: AbortSignal,
): Promise<Credential> {
  if (options.token !== undefined) return { token: checkSendable(options.token), refreshable: false };
  if (options.auth === false) return { token: undefined, refreshable: false };
  const token = checkSendable(await unlessAborted(session.provider.get(), signal));
  const refreshable = token !== undefined && token !== config.apiKey && isJwt(token);
  // balena runs a request with an expired JWT as the guest (/v7 answers 200 with no rows), so
  // sending it would turn "log in again" into a misleading "not found". The provider has already
  // tried to refresh it; when that did not help, refuse here, before anything is sent.
  if (refreshable && isTokenExpired(token)) {
    throw new ExpiredToken('The session token has expired and could not be refreshed: log in again', {
      cause: session.refreshFailureOf(token),
    });
  }
  return { token, refreshable };
}

/**
 * The token to replay a request with after a 401: the one a concurrent request has already
 * obtained, else a fresh one (concurrent callers share the provider's one refresh request).
 *
 * @param session - the client's token session
 * @param rejected - the token the server refused
 * @param signal - the call's signal: an abort ends the wait (rejecting with its reason)
 * @returns the new token, or undefined when there is none (the 401 is then final)
 */
export function replacementFor(
  session: TokenSession,
  rejected: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const replacement = async (): Promise<string | undefined> => {
    try {
      const current = await session.provider.get();
      const next = current && current !== rejected ? current : await session.provider.refresh();
      return next && next !== rejected ? next : undefined;
    } catch {
      return undefined;
    }
  };
  return unlessAborted(replacement(), signal);
}

/**
 * The error a final 401 is reported as: `NotLoggedIn` without a credential, `ExpiredToken` for an
 * expired JWT, the `RequestError` itself otherwise (and for every other status).
 *
 * @param error - the answer's RequestError
 * @param credential - the credential it was sent with
 * @param options - the request's options
 * @returns the error to throw
 */
export function finalResponseError(error: RequestError, credential: Credential, options: RequestOptions): BalenaError {
  if (error.status !== 401) return error;
  // A request sent anonymously on purpose (`auth: false`: a login, a local supervisor with its own
  // key in the URL) was refused for its own reasons, not for a missing session.
  if (!credential.token) {
    if (options.auth === false) return error;
    return new NotLoggedIn('Not logged in: this request needs a credential', { cause: error });
  }
  if (isJwt(credential.token) && isTokenExpired(credential.token)) {
    return new ExpiredToken('The session token has expired: log in again', { cause: error });
  }
  return error;
}
