/**
 * The release fields that applications and devices link to. `@balena-ts/models/release` has the
 * full release type; this minimal one keeps the application and device types self-contained.
 */
export interface ReleaseReference {
  /** The row id. */
  readonly id: number;
  /** The full commit hash. */
  readonly commit: string;
  /** The version as text, e.g. `1.2.3+rev4`. */
  readonly raw_version: string;
  /** The status, e.g. `success`. */
  readonly status: string;
  /** When the row was created (ISO 8601). */
  readonly created_at: string;
  /** True for final releases (not drafts). */
  readonly is_final: boolean;
  /** True when the release must not be used. */
  readonly is_invalidated: boolean;
  /** True when the release passed its tests. */
  readonly is_passing_tests: boolean;
  /** The application it belongs to. */
  readonly belongs_to__application:
    | { readonly __id: number }
    | readonly { readonly id: number; readonly slug?: string }[];
}
