import { TOKEN_STORAGE_KEY } from '../client/client.js';
import type { ClientConfig } from '../client/options.js';
import type { RequestOptions } from '../request/types.js';
import type { KeyValueStorage } from '../storage/key-value-storage.js';
import { decodeJwtClaims, isJwt } from './jwt.js';
import type { TokenProvider } from './types.js';

/** A JWT this close to its `exp` is refreshed before use. */
export const TOKEN_EXPIRY_MARGIN_MS: number = 5 * 60_000;
// After a refresh attempt of one token (failed, or answered with the same token), leave that token
// alone for a while, so that a server that will not refresh it does not get asked on every request.
const REFRESH_ATTEMPT_PAUSE_MS = 60_000;

/** What a token provider needs from its client. */
export interface TokenProviderContext {
  /** The client's configuration (`apiKey`, `tokenRefreshInterval`). */
  config: ClientConfig;
  /** Where the session token lives. */
  storage: KeyValueStorage;
  /**
   * Sends a request through the client's pipeline and resolves to its parsed body (the refresh
   * passes its own `token`, so the pipeline does not ask the provider for one).
   */
  request: (path: string, options: RequestOptions) => Promise<unknown>;
}

/** A token provider and what the request layer alone needs to know about it. */
export interface TokenSession {
  /** The provider, the client's `tokens`. */
  provider: TokenProvider;
  /**
   * Why the last attempt to refresh a token failed, if it was this token's: the cause the request
   * layer reports when it has to refuse an expired session token.
   *
   * @param token - the token the caller holds
   * @returns the refresh request's error, or undefined when there is none for this token
   */
  refreshFailureOf(token: string): unknown;
}

function needsRefresh(token: string, config: ClientConfig, nowMs: number): boolean {
  try {
    const { iat, exp } = decodeJwtClaims(token);
    if (typeof exp === 'number' && exp * 1000 - nowMs < TOKEN_EXPIRY_MARGIN_MS) return true;
    return typeof iat === 'number' && nowMs - iat * 1000 > config.tokenRefreshInterval;
  } catch {
    return false;
  }
}

// balena answers the refresh with the bare JWT as text/plain; accept a JSON-encoded string too.
function unwrapToken(answer: unknown): string {
  if (typeof answer !== 'string') return '';
  const text = answer.trim();
  if (!text.startsWith('"')) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' ? parsed.trim() : '';
  } catch {
    return '';
  }
}

/**
 * Creates the token provider of a client: it reads the credential (API key option, else the stored
 * session token) and keeps a stored JWT fresh with `GET /user/v1/refresh-token`.
 *
 * @param context - config, storage and the function that sends the refresh request
 * @returns the provider, and the last refresh failure for the request layer
 * @example
 * ```ts
 * const { provider } = createTokenProvider({ config, storage, request });
 * await provider.set(jwt);
 * ```
 */
export function createTokenProvider(context: TokenProviderContext): TokenSession {
  const { config, storage } = context;
  let lastFailure: { token: string; failure: unknown } | undefined;
  let refreshing: Promise<string | undefined> | undefined;
  let lastAttempt: { token: string; atMs: number } | undefined;
  // Bumped by set/remove: a refresh that started before a logout or a new login must not bring the
  // old session back or overwrite the new one.
  let generation = 0;

  async function readStored(): Promise<string | undefined> {
    const stored = await storage.get(TOKEN_STORAGE_KEY);
    const token = stored?.trim();
    return token ? token : undefined;
  }

  async function runRefresh(): Promise<string | undefined> {
    const startedAt = generation;
    const current = await readStored();
    if (!current || !isJwt(current)) return undefined;
    lastAttempt = { token: current, atMs: Date.now() };
    let answer: unknown;
    try {
      answer = await context.request('/user/v1/refresh-token', { token: current, responseType: 'text' });
    } catch (error) {
      lastFailure = { token: current, failure: error };
      throw error;
    }
    const fresh = unwrapToken(answer);
    if (!fresh) return current;
    // The session changed while the refresh was in flight (here, or in another client sharing the
    // storage): the answer belongs to a session that no longer exists, so it is dropped.
    const stored = await readStored();
    if (generation !== startedAt || stored !== current) return stored;
    await storage.set(TOKEN_STORAGE_KEY, fresh);
    return fresh;
  }

  const provider: TokenProvider = {
    async get() {
      if (config.apiKey) return config.apiKey;
      const token = await readStored();
      if (!token || !isJwt(token)) return token;
      const nowMs = Date.now();
      const pausedAfterAttempt = lastAttempt?.token === token && nowMs - lastAttempt.atMs < REFRESH_ATTEMPT_PAUSE_MS;
      if (pausedAfterAttempt || !needsRefresh(token, config, nowMs)) return token;
      try {
        return (await provider.refresh()) ?? token;
      } catch {
        return token;
      }
    },
    async set(token) {
      // Stryker disable next-line UpdateOperator: only "has it changed" is read (generation !== startedAt); counting down changes it as well
      generation++;
      await storage.set(TOKEN_STORAGE_KEY, token);
    },
    async remove() {
      // Stryker disable next-line UpdateOperator: only "has it changed" is read (generation !== startedAt); counting down changes it as well
      generation++;
      await storage.remove(TOKEN_STORAGE_KEY);
    },
    refresh() {
      refreshing ??= runRefresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
  return {
    provider,
    refreshFailureOf: (token) => (lastFailure?.token === token ? lastFailure.failure : undefined),
  };
}
