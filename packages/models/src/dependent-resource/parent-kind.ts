import { type Client, ExpiredToken, NotLoggedIn } from '@balena-ts/core';

/** A parent row resolved to its id. */
export interface ResolvedParent {
  /** The parent's numeric id. */
  readonly id: number;
  /**
   * Whether a request proved the parent exists. A numeric id is used as given, without a request,
   * so a later empty answer or failed write has to ask again before it can blame the parent.
   */
  readonly confirmed: boolean;
}

/**
 * How to find the row that owns a dependent resource: a device, an application, a release, a
 * service or a service install.
 *
 * @typeParam P - the forms a caller may give the parent in (an id, a uuid, a slug, a key object...)
 */
export interface ParentKind<P> {
  /** The parameter name used in `InvalidParameter` errors, e.g. `'uuidOrId'`. */
  readonly parameter: string;
  /**
   * Resolves the parent to its id; a numeric id returns without a request.
   *
   * @throws the parent's NotFound error, or InvalidParameter for a malformed value
   */
  resolve(client: Client, parent: P): Promise<ResolvedParent>;
  /**
   * Asks the API whether the parent exists, always with a request.
   *
   * @throws the parent's NotFound error when it does not
   */
  confirm(client: Client, parent: P): Promise<void>;
}

/**
 * Runs `operation` with the parent's id and, when it fails or finds nothing for a parent that was
 * never looked up, checks the parent so that a missing one gives its NotFound error rather than an
 * empty answer or the API's bare 4xx.
 *
 * @param client - the client
 * @param kind - the parent kind
 * @param parent - the parent as the caller gave it
 * @param operation - the work to do with the id
 * @param isEmpty - tells whether a result means "nothing found" (then the parent is checked)
 * @returns what `operation` returns
 * @throws the parent's NotFound error, or the operation's own error
 */
export async function withParent<P, R>(
  client: Client,
  kind: ParentKind<P>,
  parent: P,
  operation: (parentId: number) => Promise<R>,
  isEmpty: (result: R) => boolean = () => false,
): Promise<R> {
  const resolved = await kind.resolve(client, parent);
  let result: R;
  try {
    result = await operation(resolved.id);
  } catch (error) {
    // A refused session says nothing about the parent, and checking it would only repeat the refusal.
    if (!resolved.confirmed && !isSessionFailure(error)) await kind.confirm(client, parent);
    throw error;
  }
  if (!resolved.confirmed && isEmpty(result)) await kind.confirm(client, parent);
  return result;
}

function isSessionFailure(error: unknown): boolean {
  return error instanceof ExpiredToken || error instanceof NotLoggedIn;
}

/** How to look up a parent that is used as given when it is an id. */
export interface ParentLookup<P> {
  /** Checks the parent (throwing InvalidParameter) and tells whether it is an id. */
  readonly isId: (parent: P) => boolean;
  /** Resolves the parent to its id; an id is returned without a request. */
  readonly resolveId: (client: Client, parent: P) => Promise<number>;
  /** Gets the parent's row, failing with its NotFound error. */
  readonly get: (client: Client, parent: P, options: { $select: 'id' }) => Promise<unknown>;
}

/**
 * A parent kind whose ids are used as given (unconfirmed) and whose other forms are looked up.
 *
 * @param parameter - the parameter name used in `InvalidParameter` errors
 * @param lookup - how to check, resolve and get the parent
 * @returns the parent kind
 */
export function lookedUpParent<P>(parameter: string, lookup: ParentLookup<P>): ParentKind<P> {
  return {
    parameter,
    async resolve(client: Client, parent: P): Promise<ResolvedParent> {
      const confirmed = !lookup.isId(parent);
      return { id: await lookup.resolveId(client, parent), confirmed };
    },
    async confirm(client: Client, parent: P): Promise<void> {
      await lookup.get(client, parent, { $select: 'id' });
    },
  };
}
