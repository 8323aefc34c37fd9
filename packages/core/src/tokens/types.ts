/** Gives the request layer its credential and keeps the session token fresh. */
export interface TokenProvider {
  /**
   * The credential to send: the `apiKey` option if set, otherwise the stored token. A stored JWT
   * older than `tokenRefreshInterval`, or within five minutes of expiring, is refreshed first (a
   * failed refresh is ignored and the old token used).
   * @returns the credential, or undefined when there is none
   */
  get(): Promise<string | undefined>;
  /**
   * Stores a session token (under `TOKEN_STORAGE_KEY`).
   * @param token - a JWT or an API key
   */
  set(token: string): Promise<void>;
  /** Removes the stored session token. */
  remove(): Promise<void>;
  /**
   * Exchanges the stored JWT for a new one (`GET /user/v1/refresh-token`), stores and returns it.
   * Concurrent callers share one request. API keys are not refreshed.
   * @returns the new token, or undefined when there is no JWT to refresh
   */
  refresh(): Promise<string | undefined>;
}

/** The claims of a balena JWT that balena-ts reads; other claims are kept as they are. */
export interface JwtClaims {
  /** Expiry, in seconds since the epoch. */
  exp?: number;
  /** Issue time, in seconds since the epoch. */
  iat?: number;
  /** True while a two-factor challenge is pending for this session. */
  twoFactorRequired?: boolean;
  /** Any other claim. */
  [claim: string]: unknown;
}
