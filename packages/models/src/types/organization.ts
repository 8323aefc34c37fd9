/** An organization (v7 `organization`): owns applications; a user's own one has the username as handle. */
export interface Organization {
  readonly id: number;
  readonly created_at: string;
  readonly name: string;
  readonly handle: string;
}
