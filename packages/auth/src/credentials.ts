/**
 * The credentials of {@link login} and {@link authenticate}: a username or an email address (balena
 * accepts either; `email` is the name today's JavaScript SDK uses), and the password.
 *
 * @example
 * ```ts
 * const credentials: LoginCredentials = { email: 'admin@example.com', password: 'secret' };
 * await login(client, credentials);
 * ```
 */
export type LoginCredentials =
  | {
      /** The balena username or email address. */
      username: string;
      /** Ignored when `username` is given. */
      email?: string;
      /** The account's password. */
      password: string;
    }
  | {
      /** The email address (or the username) of the account. */
      email: string;
      /** The balena username; takes precedence over `email`. */
      username?: string;
      /** The account's password. */
      password: string;
    };

/**
 * The details of {@link register}: a new account's email address, password and optional username.
 *
 * @example
 * ```ts
 * const token = await register(client, { email: 'new@example.com', password: 'a long passphrase', username: 'new' });
 * ```
 */
export interface RegisterCredentials {
  /** The email address of the new account. */
  email: string;
  /** The password of the new account. */
  password: string;
  /** The username; balena derives one from the email address when it is absent. */
  username?: string;
}
