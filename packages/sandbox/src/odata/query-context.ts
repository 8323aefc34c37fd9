import type { Store } from '../store/store.js';
import type { Access } from './access.js';

/** One parsed OData value list: `binds[n]` is `[type, value]`. */
export type Binds = ReadonlyArray<readonly [string, unknown]>;

/** Everything a query needs while it runs. */
export interface QueryContext {
  store: Store;
  access: Access;
  binds: Binds;
}

/** Thrown for a query naming a field or navigation the resource does not have (balena: 500). */
export class UnknownMember extends Error {
  override readonly name = 'UnknownMember';
}
