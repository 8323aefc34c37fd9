/** An API key record (v7 `api_key`): the secret itself is never returned after creation. */
export interface ApiKey {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The name. */
  readonly name: string | null;
  /** A free-text description. */
  readonly description: string | null;
  /** When the key stops working (ISO 8601), or null for never. */
  readonly expiry_date: string | null;
  /** The actor (user, application or device) the key belongs to. */
  readonly is_of__actor: { readonly __id: number } | number;
}
