/** An organization (v7 `organization`): owns applications; a user's own one has the username as handle. */
export interface Organization {
  /** The row id. */
  readonly id: number;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** The name. */
  readonly name: string;
  /** The handle, unique; a user's own organization has the username as handle. */
  readonly handle: string;
}
