/** An API key record (v7 `api_key`): the secret itself is never returned after creation. */
export interface ApiKey {
  readonly id: number;
  readonly created_at: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly expiry_date: string | null;
  readonly is_of__actor: { readonly __id: number } | number;
}
