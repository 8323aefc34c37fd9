/**
 * The logged-in user, as `getUserInfo` returns it (the shape today's balena SDKs use).
 *
 * @example
 * ```ts
 * const { id, actor, username, email }: UserInfo = await getUserInfo(client);
 * ```
 */
export interface UserInfo {
  /** The user id. */
  id: number;
  /** The user's actor id. */
  actor: number;
  /** The username. */
  username: string;
  /** The email address (null when balena does not disclose it to this credential). */
  email: string | null;
}
