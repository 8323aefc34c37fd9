import type { Store } from '../store/store.js';

/** What the sandbox would have e-mailed: balena-cloud sends these; the sandbox only records them. */
export interface SentMail {
  /** `organization-invite` or `email-verification`. */
  kind: 'organization-invite' | 'email-verification';
  /** The recipient's address. */
  to: string;
  /** A one-line subject. */
  subject: string;
  /** The secret the mail carries (invitation or verification token), so a test can follow it. */
  token: string;
  /** When it was "sent" (ISO 8601). */
  sentAt: string;
}

// One outbox per store: the hooks that "send" only see the store. Kept in memory: a restarted
// sandbox forgets its mail, while the tokens themselves live on their rows.
const outboxes = new WeakMap<Store, SentMail[]>();

/** Records a mail the sandbox would have sent. */
export function recordMail(store: Store, mail: Omit<SentMail, 'sentAt'>): void {
  let outbox = outboxes.get(store);
  if (!outbox) {
    outbox = [];
    outboxes.set(store, outbox);
  }
  outbox.push({ ...mail, sentAt: new Date(store.now()).toISOString() });
}

/** Every mail recorded so far, oldest first. */
export function sentMails(store: Store): readonly SentMail[] {
  return outboxes.get(store) ?? [];
}
