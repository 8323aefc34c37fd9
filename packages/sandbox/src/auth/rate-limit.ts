import { HttpError } from '../http/http-error.js';

/** How many attempts a key may make before it is blocked (balena's login limiter: 10). */
export const MAX_ATTEMPTS = 10;
/** How long a key's attempts are remembered (balena: 2 hours). */
export const ATTEMPT_WINDOW_MS: number = 2 * 60 * 60 * 1000;
/** How long a key stays blocked once it ran out of attempts (balena: 1 hour). */
export const BLOCK_DURATION_MS: number = 60 * 60 * 1000;

interface Attempts {
  count: number;
  windowEndsAt: number;
  blockedUntil: number;
}

/**
 * Counts attempts per key (an address and a user name, or a user) as balena's login limiter does:
 * the eleventh attempt within two hours is refused, and every attempt for an hour after it, with
 * `429 Too Many Requests` and `Retry-After`; a success resets the key.
 */
export class RateLimiter {
  private readonly attempts = new Map<string, Attempts>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  /** Counts one attempt, or throws 429 when the key has none left. */
  consume(key: string): void {
    const now = this.now();
    let entry = this.attempts.get(key);
    if (!entry || (entry.windowEndsAt <= now && entry.blockedUntil <= now)) {
      entry = { count: 0, windowEndsAt: now + ATTEMPT_WINDOW_MS, blockedUntil: 0 };
      this.attempts.set(key, entry);
    }
    if (entry.blockedUntil <= now) entry.count++;
    if (entry.count > MAX_ATTEMPTS) {
      if (entry.blockedUntil <= now) entry.blockedUntil = now + BLOCK_DURATION_MS;
      const retryAfterSeconds = Math.ceil((entry.blockedUntil - now) / 1000);
      throw new HttpError(
        429,
        { kind: 'html-text', text: 'Too Many Requests' },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
  }

  /** Forgets a key's attempts (after a success). */
  reset(key: string): void {
    this.attempts.delete(key);
  }
}
