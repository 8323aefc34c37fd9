import type { Client } from '@balena-ts/core';
import type { OmitClient } from '../bind.js';
import { bindTree, type FacadeValue } from '../facade.js';
import { toBalenaSdkError } from './errors.js';

/** A function taking the client first, as every module operation does. */
// biome-ignore lint/suspicious/noExplicitAny: any parameter list; the table's entries keep their own types.
export type Operation = (client: Client, ...args: any[]) => unknown;

/**
 * A compat function that is not a module export under another name: a tiny adapter taking the
 * client first (argument order, an options object), with the arity balena-sdk's function has.
 *
 * @typeParam F - the adapter
 */
export interface CompatAdapter<F extends Operation> {
  /** Tells an adapter from an export name. */
  readonly kind: 'adapter';
  /** The adapter, client first. */
  readonly target: F;
  /** `length` of the compat function: balena-sdk's arity. */
  readonly arity: number | undefined;
}

/**
 * One compat function: the name of the module export it calls (client bound), or an adapter.
 *
 * @typeParam M - the module
 */
export type CompatEntry<M> = (keyof M & string) | CompatAdapter<Operation>;

/**
 * A compat path bound to a module: balena-sdk's function names, each mapped to one of the
 * module's exports or to an adapter, and the paths under it (`device.envVar`).
 *
 * @typeParam M - the module namespace
 * @typeParam T - balena-sdk name to entry
 * @typeParam Children - the paths under this one
 */
export interface CompatModule<M extends object, T, Children extends CompatDescriptor> {
  /** Tells a compat module from a group of paths. */
  readonly kind: 'compat-module';
  /** The module whose exports are called. */
  readonly module: M;
  /** balena-sdk name to entry. */
  readonly names: T;
  /** The paths under this one. */
  readonly children: Children;
}

/** One path of the compat tree: a compat module, a client value, or a group of paths. */
export type CompatNode =
  | CompatModule<object, Readonly<Record<string, unknown>>, CompatDescriptor>
  | FacadeValue<unknown>
  | CompatDescriptor;

/** The compat tree, described once: each name is a path holding a {@link CompatNode}. */
export type CompatDescriptor = { readonly [name: string]: CompatNode };

/**
 * The function type of one compat entry: the module export or adapter without its client.
 *
 * @typeParam M - the module
 * @typeParam E - the entry
 */
export type CompatEntryOf<M, E> =
  E extends CompatAdapter<infer F> ? OmitClient<F> : E extends keyof M ? OmitClient<M[E]> : never;

/**
 * The object {@link bindCompat} makes from a compat descriptor.
 *
 * @typeParam D - a compat descriptor, or one of its nodes
 */
export type CompatOf<D> =
  D extends FacadeValue<infer V>
    ? V
    : D extends CompatModule<infer M, infer T, infer Children>
      ? { readonly [K in keyof T]: CompatEntryOf<M, T[K]> } & CompatOf<Children>
      : { readonly [K in keyof D]: CompatOf<D[K]> };

/**
 * Describes a compat path bound to a module.
 *
 * @param module - a module namespace
 * @param names - balena-sdk's name of each function: the module export it calls, or an {@link adapt}er
 * @param children - the paths under this one
 * @returns the node
 * @example
 * ```ts
 * const node = compatModule(auth, { ...same(auth, 'login', 'whoami'), logout: 'logOut' });
 * ```
 */
export function compatModule<
  M extends object,
  const T extends { readonly [name: string]: CompatEntry<M> },
  const Children extends CompatDescriptor = {},
>(module: M, names: T, children?: Children): CompatModule<M, T, Children> {
  return { kind: 'compat-module', module, names, children: (children ?? {}) as Children };
}

/**
 * Names module exports that balena-sdk calls the same, for {@link compatModule}.
 *
 * @param _module - the module (for the names' type)
 * @param names - export names
 * @returns `{ name: name }` for each
 * @example
 * ```ts
 * compatModule(key, same(key, 'getAll', 'get', 'remove', 'create'));
 * ```
 */
export function same<M extends object, const N extends readonly (keyof M & string)[]>(
  _module: M,
  ...names: N
): SameNames<N> {
  return Object.fromEntries(names.map((name) => [name, name])) as SameNames<N>;
}

/**
 * `{ name: name }` for each of the names, built one name at a time so that declarations list them
 * in the order given (a map over a union of names prints in an order the compiler may change
 * between a clean and an incremental build, which made the API report unstable).
 *
 * @typeParam N - the names, in order
 */
export type SameNames<N extends readonly string[]> = N extends readonly [
  infer First extends string,
  ...infer Rest extends readonly string[],
]
  ? { readonly [K in First]: K } & SameNames<Rest>
  : unknown;

/**
 * A compat function written as a tiny adapter over module functions (argument order, an options
 * object), for {@link compatModule}.
 *
 * @param target - the adapter, client first
 * @param arity - balena-sdk's arity when it is not the adapter's length minus the client
 * @returns the entry
 * @example
 * ```ts
 * adapt((client, uuidOrId: string, options?: { force?: boolean }) => supervisor.reboot(client, uuidOrId, undefined, options?.force))
 * ```
 */
export function adapt<F extends Operation>(target: F, arity?: number): CompatAdapter<F> {
  return { kind: 'adapter', target, arity };
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function bindEntry(client: Client, name: string, target: Function, arity: number): Function {
  const call = (...args: unknown[]): unknown => {
    let result: unknown;
    try {
      result = target(client, ...args);
    } catch (error) {
      throw toBalenaSdkError(error);
    }
    return isThenable(result)
      ? Promise.resolve(result).then(undefined, (error: unknown) => {
          throw toBalenaSdkError(error);
        })
      : result;
  };
  Object.defineProperty(call, 'length', { value: Math.max(0, arity) });
  Object.defineProperty(call, 'name', { value: name });
  return call;
}

function bindCompatModule(
  client: Client,
  { module, names }: CompatModule<Record<string, Function>, Record<string, CompatEntry<object>>, CompatDescriptor>,
): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(names)) {
    if (typeof entry === 'string') {
      const target = module[entry];
      if (typeof target !== 'function') throw new TypeError(`compat: ${entry} is not a function of its module`);
      bound[name] = bindEntry(client, name, target, target.length - 1);
    } else {
      bound[name] = bindEntry(client, name, entry.target, entry.arity ?? entry.target.length - 1);
    }
  }
  return bound;
}

/**
 * Makes the compat tree from its descriptor: each entry a function calling its module export
 * (or adapter) with `client` first, its errors given balena-sdk's names ({@link toBalenaSdkError}),
 * its `length` balena-sdk's arity. Each object of the result is frozen.
 *
 * @param client - the client every function receives first
 * @param descriptor - the compat paths
 * @returns the tree
 * @example
 * ```ts
 * const tree = bindCompat(client, { models: { key: compatModule(key, same(key, 'getAll')) } });
 * ```
 */
export function bindCompat<const D extends CompatDescriptor>(client: Client, descriptor: D): CompatOf<D> {
  return bindTree(client, descriptor, 'compat-module', (node: Parameters<typeof bindCompatModule>[1]) =>
    bindCompatModule(client, node),
  ) as CompatOf<D>;
}
