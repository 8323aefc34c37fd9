import type { ODataOptions, ODataValue, ResourceId } from './types.js';

/** Reads one row by key. */
export interface PineGetOneParams {
  /** The resource, e.g. `'device'`. */
  resource: string;
  /** The row's key. */
  id: ResourceId;
  /** OData options. */
  options?: ODataOptions;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** Reads a collection. */
export interface PineGetManyParams {
  /** The resource, e.g. `'device'`. */
  resource: string;
  /** OData options. */
  options?: ODataOptions;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** The OData client of the balena API (`/<apiVersion>/<resource>`). */
export interface PineClient {
  /**
   * Reads one row by key.
   * @returns the row, or undefined when there is none
   */
  get<T>(params: PineGetOneParams): Promise<T | undefined>;
  /**
   * Reads the rows of a collection.
   * @returns the rows
   */
  get<T>(params: PineGetManyParams): Promise<T[]>;
  /**
   * Counts the rows of a collection matching `options.$filter`.
   * @returns the count
   */
  count(params: { resource: string; options?: ODataOptions; signal?: AbortSignal }): Promise<number>;
  /**
   * Creates a row.
   * @returns the created row, with its id
   */
  post<T>(params: { resource: string; body: Record<string, unknown>; signal?: AbortSignal }): Promise<T>;
  /**
   * Updates the row with `id`, or every row matching `options.$filter` (one of them is required).
   */
  patch(params: {
    resource: string;
    id?: ResourceId;
    options?: ODataOptions;
    body: Record<string, unknown>;
    signal?: AbortSignal;
  }): Promise<void>;
  /**
   * Deletes the row with `id`, or every row matching `options.$filter` (one of them is required).
   */
  delete(params: { resource: string; id?: ResourceId; options?: ODataOptions; signal?: AbortSignal }): Promise<void>;
  /**
   * Creates the row identified by the natural key `id`, or updates it with `body` if it exists.
   */
  upsert(params: {
    resource: string;
    id: Record<string, ODataValue>;
    body: Record<string, unknown>;
    signal?: AbortSignal;
  }): Promise<void>;
}
