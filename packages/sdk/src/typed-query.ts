import type { PageIterable } from '@balena-ts/core';
import type { Selected, TypedOptions } from '@balena-ts/models';

/**
 * The resource type of a getter's result, once its options type parameter has been set to its
 * constraint: `Promise<T>`, `Promise<T[]>`, `Promise<T | undefined>`, `PageIterable<T>` (the device streams)
 * or another async iterable of `T` (a streaming getter) give `T`.
 *
 * @typeParam Result - a getter's return type
 */
export type ResourceOf<Result> =
  Result extends PageIterable<infer Row>
    ? Row
    : Result extends Promise<infer Value>
      ? [Value] extends [readonly (infer Row)[]]
        ? Row
        : Exclude<Value, undefined>
      : Result extends AsyncIterable<infer Row>
        ? Row
        : never;

/**
 * A getter's return type with `Row` in place of its resource type, in the same container.
 *
 * @typeParam Result - the getter's return type
 * @typeParam Row - the narrowed row type
 */
export type WithRow<Result, Row> =
  Result extends PageIterable<unknown>
    ? PageIterable<Row>
    : Result extends Promise<infer Value>
      ? [Value] extends [readonly unknown[]]
        ? Promise<Row[]>
        : undefined extends Value
          ? Promise<Row | undefined>
          : Promise<Row>
      : Result extends AsyncGenerator<unknown, infer Return, infer Next>
        ? AsyncGenerator<Row, Return, Next>
        : Result extends AsyncIterableIterator<unknown>
          ? AsyncIterableIterator<Row>
          : Result extends AsyncIterable<unknown>
            ? AsyncIterable<Row>
            : never;

/**
 * Whether `Options` is the typed OData options of `Row`, possibly with options of the getter's
 * own beside them (e.g. a device list's `pageSize`).
 *
 * @remarks `undefined` is left out of `Options` first: under `exactOptionalPropertyTypes` the type
 * of an optional parameter read from a parameter list carries it, and the facade then lost the
 * `$select` narrowing.
 *
 * @typeParam Options - a getter's last parameter
 * @typeParam Row - the getter's resource type
 */
export type IsTypedOptions<Options, Row> = [Row] extends [never]
  ? false
  : [Exclude<Options, undefined>] extends [TypedOptions<Row>]
    ? true
    : false;

/**
 * Gives back the type parameter that binding loses on a getter whose last parameter is
 * `options?: O` with `O extends TypedOptions<T>`, or whose options are followed by one more
 * optional parameter (balena-sdk's `context` of an application read): a literal `$select` narrows
 * the result again, as it does on the module function. Any other signature is returned unchanged.
 *
 * @typeParam Args - the parameters after the client
 * @typeParam Result - the return type (with the options type parameter at its constraint)
 */
export type TypedQuery<Args extends unknown[], Result> = Args extends [...infer Leading, (infer Options)?]
  ? IsTypedOptions<Options, ResourceOf<Result>> extends true
    ? <const O extends Exclude<Options, undefined> = Exclude<Options, undefined>>(
        ...args: [...Leading, options?: O | undefined]
      ) => WithRow<Result, Selected<ResourceOf<Result>, O>>
    : Leading extends [...infer Before, (infer BeforeLast)?]
      ? IsTypedOptions<BeforeLast, ResourceOf<Result>> extends true
        ? <const O extends Exclude<BeforeLast, undefined> = Exclude<BeforeLast, undefined>>(
            ...args: [...Before, options?: O | undefined, last?: Options]
          ) => WithRow<Result, Selected<ResourceOf<Result>, O>>
        : (...args: Args) => Result
      : (...args: Args) => Result
  : (...args: Args) => Result;
