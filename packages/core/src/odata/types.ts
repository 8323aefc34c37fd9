/** A value that can appear in a `$filter` or in a key: strings are quoted and escaped. */
export type ODataValue = string | number | boolean | null | Date;

/**
 * How one row is addressed: `5` → `(5)`, `'abc'` → `('abc')`, `{ uuid: 'x' }` → `(uuid='x')`
 * (an alternate key such as a device uuid or an organization handle).
 */
export type ResourceId = number | string | Record<string, string | number>;

/** A navigation lambda: `{ $alias: 'd', $expr: { d: { status: 'idle' } } }` → `nav/any(d:d/status eq 'idle')`. */
export interface FilterLambda {
  /** The lambda variable; a plain identifier. */
  $alias: string;
  /** The condition; its fields start with the alias. */
  $expr: Filter;
}

/** The operators a filter object understands, each keyed by a `$` name. */
export interface FilterOperators {
  /** `field eq value` */
  $eq?: ODataValue;
  /** `field ne value` */
  $ne?: ODataValue;
  /** `field gt value` */
  $gt?: ODataValue;
  /** `field ge value` */
  $ge?: ODataValue;
  /** `field lt value` */
  $lt?: ODataValue;
  /** `field le value` */
  $le?: ODataValue;
  /** `field in (a,b,c)` */
  $in?: readonly ODataValue[];
  /** `startswith(field,'text')` */
  $startswith?: string;
  /** `endswith(field,'text')` */
  $endswith?: string;
  /** `contains(field,'text')` */
  $contains?: string;
  /** `nav/any(alias:expr)` */
  $any?: FilterLambda;
  /** `nav/all(alias:expr)` */
  $all?: FilterLambda;
  /** `nav/$count <op> n`: a number means `eq n`, an object gives the operators. */
  $count?: number | FilterOperators;
  /** `(a) and (b)`: an array of filters, or an object whose entries are joined. */
  $and?: Filter | readonly Filter[];
  /** `(a) or (b)`: an array of filters, or an object whose entries are joined. */
  $or?: Filter | readonly Filter[];
  /** `not(a)` */
  $not?: Filter;
}

/** A field name mapped to a value (`eq`), to operators, or to a nested filter on a navigation. */
export interface FieldFilter {
  /** A field or navigation name, or an operator. */
  [field: string]: FilterEntry;
}

/** What a key of a filter object may hold. */
export type FilterEntry =
  | ODataValue
  | readonly ODataValue[]
  | Filter
  | readonly Filter[]
  | FilterLambda
  | FilterOperators
  | undefined;

/**
 * A `$filter` written as an object, pinejs-client style:
 * `{ device_name: 'x' }` → `device_name eq 'x'`; `{ id: { $in: [1, 2] } }` → `id in (1,2)`;
 * `{ $or: [{ a: 1 }, { b: 2 }] }` → `(a eq 1) or (b eq 2)`. There is no raw-text escape hatch.
 */
export type Filter = FieldFilter | FilterOperators;

/** One `$orderby` direction per field. */
export type OrderBy = { [field: string]: 'asc' | 'desc' };

/** The OData query options balena-ts understands: those of today's balena JavaScript SDK. */
export interface ODataOptions {
  /** Fields to return: `'id,name'`, `['id', 'name']` or `'*'`. */
  $select?: string | readonly string[];
  /** Navigations to expand, each with its own options: `{ owns__device: { $select: 'id' } }`. */
  $expand?: string | readonly string[] | { [navigation: string]: ODataOptions };
  /** Which rows: see {@link Filter}. */
  $filter?: Filter;
  /** Sort order: `'name asc'`, `{ name: 'asc' }`, or an array of either (`['name asc', { id: 'desc' }]`). */
  $orderby?: string | OrderBy | readonly (string | OrderBy)[];
  /** At most this many rows. */
  $top?: number;
  /** Skip this many rows. */
  $skip?: number;
  /** Only inside `$expand`: count the navigation instead of expanding it (`nav/$count($filter=...)`). */
  $count?: ODataOptions;
}
