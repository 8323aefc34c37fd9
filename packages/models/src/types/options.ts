import type { ODataOptions } from '@balena-ts/core';

/** The field names of a resource type, as `$select` accepts them. */
export type FieldOf<T> = keyof T & string;

/**
 * OData options whose `$select` is checked against the fields of the resource `T`.
 *
 * @remarks Pass them with a literal `$select` array to narrow the result type (see {@link Selected}).
 */
export type TypedOptions<T> = Omit<ODataOptions, '$select'> & {
  /** One field, an array of fields, or `'*'` for every field. */
  readonly $select?: (keyof T & string) | readonly (keyof T & string)[] | '*';
};

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
