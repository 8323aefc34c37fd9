import type { Client } from '@balena-ts/core';
import type { TypedQuery } from './typed-query.js';

/**
 * True when `F` is an operation: a function whose first parameter accepts a {@link @balena-ts/core#Client}.
 *
 * @typeParam F - any exported value of a module
 */
export type IsOperation<F> = F extends (...args: infer A) => unknown
  ? A extends [infer First, ...unknown[]]
    ? Client extends First
      ? true
      : false
    : false
  : false;

/**
 * An operation without its client parameter: `(client, a, b) => R` becomes `(a, b) => R`.
 * Two call signatures (an overloaded `remove(id)` / `remove(parent, key)`) stay two. Type
 * parameters do not survive a conditional type, so a getter's typed options are given back by
 * {@link TypedQuery}: a literal `$select` narrows the result as on the module function.
 *
 * @typeParam F - an operation
 */
export type OmitClient<F> = F extends {
  (client: infer _First, ...args: infer FirstArgs): infer FirstResult;
  (client: infer _Second, ...args: infer SecondArgs): infer SecondResult;
}
  ? [FirstArgs, FirstResult] extends [SecondArgs, SecondResult]
    ? [SecondArgs, SecondResult] extends [FirstArgs, FirstResult]
      ? TypedQuery<SecondArgs, SecondResult>
      : ((...args: FirstArgs) => FirstResult) & ((...args: SecondArgs) => SecondResult)
    : ((...args: FirstArgs) => FirstResult) & ((...args: SecondArgs) => SecondResult)
  : never;

/**
 * The exports of a module that are functions or classes but not operations (`generateUuid()`,
 * `isSystemVariable(name)`, an error class): {@link bind} must be told what to do with each.
 *
 * @typeParam M - a module namespace
 */
export type StandaloneKeys<M> = {
  [K in keyof M & string]: M[K] extends (...args: never[]) => unknown
    ? IsOperation<M[K]> extends true
      ? never
      : K
    : M[K] extends abstract new (
          ...args: never[]
        ) => unknown
      ? K
      : never;
}[keyof M & string];

/**
 * For every standalone export of `M`: `true` to expose it unchanged on the facade, `false` to leave it out.
 *
 * @typeParam M - a module namespace
 */
export type StandaloneChoices<M> = { readonly [K in StandaloneKeys<M>]: boolean };

/**
 * A module as the facade exposes it: every operation with the client bound, plus the standalone
 * functions listed in `Kept`, unchanged. Constants and types stay in the module.
 *
 * @typeParam M - a module namespace
 * @typeParam Kept - the standalone exports kept as they are
 */
export type Bound<M, Kept extends keyof M = never> = {
  readonly [K in keyof M & string as IsOperation<M[K]> extends true ? K : never]: OmitClient<M[K]>;
} & { readonly [K in Kept]: M[K] };

/**
 * The keys a {@link StandaloneChoices} object sets to `true`.
 *
 * @typeParam S - the choices
 */
export type KeptKeys<S> = { [K in keyof S]: S[K] extends true ? K : never }[keyof S];

/**
 * Binds every operation of a module namespace to a client: `bound.name(...args)` calls
 * `module.name(client, ...args)` and returns its result unchanged. The facade holds no logic beyond this.
 *
 * @param client - the client every operation receives first
 * @param module - a module namespace (`import * as device from '@balena-ts/models/device'`)
 * @param standalone - for each export that is a function or class but takes no client: `true`
 *   to keep it unchanged, `false` to leave it out (the compiler insists on every one)
 * @returns a frozen object with the bound operations and the kept standalone functions
 * @example
 * ```ts
 * import * as device from '@balena-ts/models/device';
 * const devices = bind(client, device, { generateUuid: true, isArchitectureCompatible: true, PartialWriteError: false });
 * await devices.get(uuid);
 * ```
 */
export function bind<M extends object, const S extends StandaloneChoices<M>>(
  client: Client,
  module: M,
  standalone: S,
): Bound<M, KeptKeys<S> & keyof M> {
  const choices: Readonly<Record<string, boolean>> = standalone;
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value !== 'function') continue;
    const choice = choices[name];
    if (choice === undefined) {
      bound[name] = (...args: unknown[]): unknown => value(client, ...args);
    } else if (choice) {
      bound[name] = value;
    }
  }
  return Object.freeze(bound) as Bound<M, KeptKeys<S> & keyof M>;
}
