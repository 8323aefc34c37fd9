import { randomHex } from '../auth/random.js';
import type { AccessView } from '../store/resource-policy.js';
import type { Row } from '../store/row.js';
import type { Store } from '../store/store.js';
import { recordMail } from './outbox.js';

/** The one user field a user may PATCH on their own row: asking for a (new) verification e-mail. */
export const VERIFICATION_FLAG = 'has_been_sent_verification_email';

/** Whether a PATCH of a user row is the caller's own and changes nothing but {@link VERIFICATION_FLAG}. */
export function onlyVerificationFlagChanges(access: AccessView, next: Row, previous: Row): boolean {
  const actor = access.actor;
  if (actor.kind !== 'user' || access.caller !== 'user' || previous.id !== actor.userId) return false;
  return Object.keys(next).every(
    (name) => name === VERIFICATION_FLAG || name === 'modified_at' || next[name] === previous[name],
  );
}

/** After a PATCH that sets the flag: a fresh token replaces any earlier one, and the mail is recorded. */
export function sendVerificationMail(store: Store, user: Row): void {
  if (user[VERIFICATION_FLAG] !== true) return;
  const token = randomHex(32);
  store.put('user', { ...user, email_verification_token: token });
  recordMail(store, {
    kind: 'email-verification',
    to: String(user.email),
    subject: 'Please verify your email address',
    token,
  });
}

/**
 * Consumes a verification token: the user with this e-mail address and token becomes verified and
 * the token is spent.
 *
 * @returns the verified user, or undefined when the address and token do not match an unspent token
 */
export function consumeVerificationToken(store: Store, email: string, token: string): Row | undefined {
  const address = email.trim().toLowerCase();
  for (const user of store.all('user')) {
    if (String(user.email).toLowerCase() !== address) continue;
    if (typeof user.email_verification_token !== 'string' || user.email_verification_token !== token) return undefined;
    const verified: Row = { ...user, email_verification_token: null, is_verified: true };
    store.put('user', verified);
    return verified;
  }
  return undefined;
}
