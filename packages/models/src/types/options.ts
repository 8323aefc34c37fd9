import type { FilterEntry, FilterLambda, FilterOperators, ODataOptions } from '@balena-ts/core';

/** The field names of a resource type, as `$select` accepts them. */
export type FieldOf<T> = keyof T & string;

/**
 * OData options whose `$select` is checked against the fields of the resource `T`.
 *
 * @remarks Pass them with a literal `$select` array to narrow the result type (see {@link Selected}).
 */
export type TypedOptions<T> = Omit<ODataOptions, '$select' | '$filter' | '$orderby'> & {
  /** One field, an array of fields, or `'*'` for every field. */
  readonly $select?: (keyof T & string) | readonly (keyof T & string)[] | '*';
  /** Which rows: {@link TypedFilter}, whose field names are those of `T`. */
  readonly $filter?: TypedFilter<T>;
  /** Sort order on fields of `T`: see {@link TypedOrderBy}. */
  readonly $orderby?: TypedOrderBy<T> | readonly TypedOrderBy<T>[];
};

/**
 * A `$filter` object whose field names are checked against the resource `T`: a misspelt field is
 * a compile error rather than a 400 at run time. The values are those of core's `Filter` (a
 * value, operators, a nested filter on a navigation, a lambda), and the operators `$and`, `$or`
 * and `$not` take filters of `T` again.
 *
 * @remarks A filter typed as core's `Filter` (or options typed as `ODataOptions`) is still
 * accepted where no field name can be checked; write one that way for a navigation the row type
 * does not list (a reverse navigation such as `device_tag`).
 *
 * @example
 * ```ts
 * const filter: TypedFilter<Device> = { device_name: { $startswith: 'kitchen' }, is_online: true };
 * ```
 */
export type TypedFilter<T> = {
  readonly [Field in FieldOf<T>]?: FilterEntry;
} & Omit<FilterOperators, '$and' | '$or' | '$not' | '$any' | '$all'> & {
    /** `(a) and (b)`: an array of filters, or an object whose entries are joined. */
    readonly $and?: TypedFilter<T> | readonly TypedFilter<T>[];
    /** `(a) or (b)`: an array of filters, or an object whose entries are joined. */
    readonly $or?: TypedFilter<T> | readonly TypedFilter<T>[];
    /** `not(a)` */
    readonly $not?: TypedFilter<T>;
    /** `nav/any(alias:expr)` */
    readonly $any?: FilterLambda;
    /** `nav/all(alias:expr)` */
    readonly $all?: FilterLambda;
  };

/**
 * One `$orderby` term on the resource `T`: `'field'`, `'field asc'`, `'field desc'`, a path into a
 * navigation (`'belongs_to__application/app_name asc'`, checked up to the first `/`), or an object
 * (`{ device_name: 'asc' }`).
 */
export type TypedOrderBy<T> =
  | FieldOf<T>
  | `${FieldOf<T>} ${'asc' | 'desc'}`
  | `${FieldOf<T>}/${string}`
  | { readonly [Field in FieldOf<T>]?: 'asc' | 'desc' };

/**
 * The result type of a getter called with options `O`: `Pick<T, ...>` of the selected fields when
 * `O['$select']` is a field or an array of fields, otherwise the whole resource `T`.
 *
 * @example
 * ```ts
 * type Named = Selected<Device, { $select: ['id', 'device_name'] }>; // Pick<Device, 'id' | 'device_name'>
 * ```
 */
export type Selected<T, O> = O extends { readonly $select: infer S }
  ? [S] extends [readonly (infer K)[]]
    ? Pick<T, Extract<K, keyof T>>
    : [S] extends [keyof T]
      ? Pick<T, S>
      : T
  : T;
