import { messageError } from '../http/http-error.js';
import type { Store } from '../store/store.js';
import type { Access } from './access.js';

/** One parsed OData value list: `binds[n]` is `[type, value]`. */
export type Binds = ReadonlyArray<readonly [string, unknown]>;

/** Everything a query needs while it runs. */
export interface QueryContext {
  store: Store;
  access: Access;
  binds: Binds;
  /** How many more rows `$expand` may add to this answer (see {@link spendExpandBudget}). */
  expandBudget?: { remaining: number };
}

/**
 * How deep `$expand`s may nest. balena's SDKs nest four levels at most; an expansion that walks
 * back and forth (device → fleet → devices → …) multiplies the answer at every second level.
 */
export const MAX_EXPAND_DEPTH = 8;
/** How many rows all the `$expand`s of one answer may add together. */
export const MAX_EXPANDED_ROWS = 100_000;

/** Refuses an answer that outgrows its budget of expanded rows (400, before it is built). */
export function spendExpandBudget(context: QueryContext, rows: number): void {
  const budget = context.expandBudget;
  if (!budget) return;
  budget.remaining -= rows;
  if (budget.remaining < 0) {
    throw messageError(400, `Query too large: its $expand would answer more than ${MAX_EXPANDED_ROWS} related rows`);
  }
}

/** Thrown for a query naming a field or navigation the resource does not have (balena: 500). */
export class UnknownMember extends Error {
  override readonly name = 'UnknownMember';
}
