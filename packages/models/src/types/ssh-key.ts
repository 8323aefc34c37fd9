/** An SSH public key of the user (v7 `user__has__public_key`). */
export interface SshKey {
  readonly id: number;
  readonly created_at: string;
  readonly title: string;
  readonly public_key: string;
  readonly user: { readonly __id: number } | number;
}
