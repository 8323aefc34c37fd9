import type { Client } from '@balena-ts/core';
import { type Bound, bind, type KeptKeys, type StandaloneChoices } from './bind.js';

/**
 * A facade path bound to a module: every operation of `module` with the client bound, the
 * standalone functions `standalone` keeps, and the paths of `children` under the same object
 * (so that one path can hold a model and its sub-models, like `device.tags`).
 *
 * @typeParam M - the module namespace (or any object of functions)
 * @typeParam S - for each export that takes no client: keep it (`true`) or leave it out (`false`)
 * @typeParam Children - the paths under this one
 */
export interface FacadeModule<M extends object, S, Children extends FacadeDescriptor> {
  /** Tells a bound module from a group of paths, whose values are all objects. */
  readonly kind: 'module';
  /** The module whose operations are bound. */
  readonly module: M;
  /** The choice for every export that takes no client. */
  readonly standalone: S;
  /** The paths under this one. */
  readonly children: Children;
}

/**
 * A facade path that holds a value taken from the client (the client itself, its OData client).
 *
 * @typeParam V - the value
 */
export interface FacadeValue<V> {
  /** Tells a client value from a group of paths, whose values are all objects. */
  readonly kind: 'value';
  /** Reads the value from the facade's client. */
  readonly fromClient: (client: Client) => V;
}

/** One path of a facade: a bound module, a client value, or a group of paths. */
export type FacadeNode = FacadeModule<object, unknown, FacadeDescriptor> | FacadeValue<unknown> | FacadeDescriptor;

/**
 * A whole facade, described once: each name is a path holding a {@link FacadeNode}.
 * {@link bindFacade} makes the object from it and {@link FacadeOf} its type.
 */
export type FacadeDescriptor = { readonly [name: string]: FacadeNode };

/**
 * The object {@link bindFacade} makes from a descriptor: modules become their bound operations
 * (see {@link Bound}), client values their value, groups objects of the same paths.
 *
 * @typeParam D - a facade descriptor, or one of its nodes
 */
export type FacadeOf<D> =
  D extends FacadeValue<infer V>
    ? V
    : D extends FacadeModule<infer M, infer S, infer Children>
      ? keyof Children extends never
        ? Bound<M, KeptKeys<S> & keyof M>
        : Bound<M, KeptKeys<S> & keyof M> & FacadeOf<Children>
      : { readonly [K in keyof D]: FacadeOf<D[K]> };

/**
 * Describes a facade path bound to a module, for {@link bindFacade}.
 *
 * @param module - a module namespace (`import * as device from '@balena-ts/models/device'`) or
 *   any object of functions taking the client first (pick or rename a module's functions this way)
 * @param standalone - for each export that is a function or class but takes no client: `true` to
 *   keep it unchanged, `false` to leave it out (the compiler insists on every one)
 * @returns the node
 * @example
 * ```ts
 * import * as device from '@balena-ts/models/device';
 * const node = facadeModule(device, { generateUuid: true, isArchitectureCompatible: true, PartialWriteError: false });
 * ```
 */
export function facadeModule<M extends object, const S extends StandaloneChoices<M>>(
  module: M,
  standalone: S,
): FacadeModule<M, S, {}>;
/**
 * Describes a facade path bound to a module with more paths under it, for {@link bindFacade}.
 *
 * @param module - a module namespace or any object of functions taking the client first
 * @param standalone - for each export that is a function or class but takes no client: keep it or not
 * @param children - paths under this one; the compiler refuses a child named like one of the module's exports
 * @returns the node
 * @example
 * ```ts
 * const node = facadeModule(device, { generateUuid: true, isArchitectureCompatible: true, PartialWriteError: false }, {
 *   tags: facadeModule(deviceTag, { PartialWriteError: false }),
 * });
 * ```
 */
export function facadeModule<
  M extends object,
  const S extends StandaloneChoices<M>,
  const Children extends FacadeDescriptor,
>(module: M, standalone: S, children: Children & { readonly [K in keyof M]?: never }): FacadeModule<M, S, Children>;
// Two signatures: with an optional `children`, a call nested in another's children would take
// its type from the outer call's constraint (any path at all) instead of having none.
export function facadeModule(
  module: object,
  standalone: unknown,
  children: FacadeDescriptor = {},
): FacadeModule<object, unknown, FacadeDescriptor> {
  return { kind: 'module', module, standalone, children };
}

/**
 * Describes a facade path that holds a value of the client, for {@link bindFacade}.
 *
 * @param fromClient - reads the value from the facade's client
 * @returns the node
 * @example
 * ```ts
 * const descriptor = { client: facadeValue((client) => client), pine: facadeValue((client) => client.pine) };
 * ```
 */
export function facadeValue<V>(fromClient: (client: Client) => V): FacadeValue<V> {
  return { kind: 'value', fromClient };
}

/** A node of a descriptor tree that binds functions of a module, with child nodes merged into its object. */
interface ModuleNode {
  readonly kind: string;
  readonly children: { readonly [name: string]: unknown };
}

/**
 * Walks a descriptor tree (the facade's or compat's): a module node becomes the object `bindModule`
 * makes of it with its children merged in, a value node its value read from the client, any other
 * object a group walked the same way. Every object made is frozen.
 *
 * @param client - the client every function receives first
 * @param descriptor - the tree
 * @param moduleKind - the `kind` of the tree's module nodes
 * @param bindModule - binds a module node's own functions
 * @returns the bound tree
 */
export function bindTree<N extends ModuleNode>(
  client: Client,
  descriptor: { readonly [name: string]: unknown },
  moduleKind: N['kind'],
  bindModule: (node: N) => Record<string, unknown>,
): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(descriptor)) {
    const { kind } = node as { kind?: unknown };
    if (kind === moduleKind) {
      const children = bindTree(client, (node as N).children, moduleKind, bindModule);
      bound[name] = Object.freeze({ ...bindModule(node as N), ...children });
    } else if (kind === 'value') {
      bound[name] = (node as FacadeValue<unknown>).fromClient(client);
    } else {
      bound[name] = bindTree(client, node as { readonly [name: string]: unknown }, moduleKind, bindModule);
    }
  }
  return Object.freeze(bound);
}

/**
 * Makes a facade from its descriptor: every module's operations bound to `client` (with
 * {@link bind}), every client value read, every group an object of the same paths. Each object
 * of the result is frozen. The facade holds no logic beyond this.
 *
 * @param client - the client every operation receives first
 * @param descriptor - the facade's paths
 * @returns the facade, typed {@link FacadeOf} the descriptor
 * @example
 * ```ts
 * import * as device from '@balena-ts/models/device';
 * const facade = bindFacade(client, { models: { device: facadeModule(device, { generateUuid: true, isArchitectureCompatible: true, PartialWriteError: false }) } });
 * await facade.models.device.get(uuid);
 * ```
 */
export function bindFacade<const D extends FacadeDescriptor>(client: Client, descriptor: D): FacadeOf<D> {
  return bindTree(
    client,
    descriptor,
    'module',
    ({ module, standalone }: FacadeModule<object, StandaloneChoices<object>, FacadeDescriptor>) =>
      bind(client, module, standalone) as Record<string, unknown>,
  ) as FacadeOf<D>;
}
