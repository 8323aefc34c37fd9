/**
 * The release fields that applications and devices link to. `@balena-ts/models/release` has the
 * full release type; this minimal one keeps the application and device types self-contained.
 */
export interface ReleaseReference {
  readonly id: number;
  readonly commit: string;
  readonly raw_version: string;
  readonly status: string;
  readonly created_at: string;
  readonly is_final: boolean;
  readonly is_invalidated: boolean;
  readonly is_passing_tests: boolean;
  readonly belongs_to__application:
    | { readonly __id: number }
    | readonly { readonly id: number; readonly slug?: string }[];
}
