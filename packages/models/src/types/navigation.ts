/** A navigation property that was not expanded: the API sends only the linked row's id. */
export interface Deferred {
  /** The id of the linked row. */
  readonly __id: number;
}

/**
 * A navigation property: `{ __id }` when not expanded, an array of rows when `$expand`ed.
 *
 * @typeParam T - the linked resource
 */
export type Navigation<T> = Deferred | T[];

/** An optional navigation property (a nullable link such as `is_pinned_on__release`). */
export type OptionalNavigation<T> = Navigation<T> | null;

/** A reverse navigation: only present when `$expand`ed, always an array. */
export type ReverseNavigation<T> = T[] | undefined;
