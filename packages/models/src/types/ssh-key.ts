/** An SSH public key of the user (v7 `user__has__public_key`). */
export interface SshKey {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The key title. */
  readonly title: string;
  /** The public key, e.g. `ssh-ed25519 AAAA… me@laptop`. */
  readonly public_key: string;
  /** The user the key belongs to. */
  readonly user: { readonly __id: number } | number;
}
