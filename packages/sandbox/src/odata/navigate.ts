import type { RowScope } from '../store/resource-policy.js';
import type { Row } from '../store/row.js';
import { findNavigation } from '../store/schema.js';
import type { FieldDefinition, NavigationDefinition } from '../store/schema-types.js';
import type { QueryContext } from './query-context.js';
import { UnknownMember } from './query-context.js';

/** A navigation resolved against the schema. */
export type Navigation = NavigationDefinition | FieldDefinition;

/** The navigation `name` of `resource`, or UnknownMember. */
export function navigationOf(resource: string, name: string): Navigation & { target: string } {
  const navigation = findNavigation(resource, name);
  if (!navigation?.target) throw new UnknownMember(`${resource}.${name}`);
  return navigation as Navigation & { target: string };
}

/** Every row a navigation leads to, visible to the actor or not (a to-one link gives 0 or 1 row). */
export function linkedRows(context: QueryContext, row: Row, navigation: Navigation & { target: string }): Row[] {
  const { store } = context;
  if ('type' in navigation) {
    const id = navigation.computed ? navigation.computed(row, store) : row[navigation.name];
    const target = typeof id === 'number' ? store.get(navigation.target, id) : undefined;
    return target ? [target] : [];
  }
  if (navigation.reverseOf) return store.referencing(navigation.target, navigation.reverseOf, row.id);
  return navigation.resolve?.(row, store) ?? [];
}

/**
 * Whether the actor sees every row a reverse navigation leads to or none of them, when the scope
 * is decided by the very link the navigation follows back (a fleet's devices); undefined when each
 * row needs its own test.
 */
function reverseScope(row: Row, navigation: Navigation, scope: RowScope): boolean | undefined {
  const decidedBy = scope.decidedBy;
  if (!decidedBy || 'type' in navigation || navigation.reverseOf !== decidedBy.field) return undefined;
  return decidedBy.allows(row.id);
}

/** The rows a navigation leads to that the actor may see (a to-one link gives 0 or 1 row). */
export function relatedRows(
  context: QueryContext,
  _resource: string,
  row: Row,
  navigation: Navigation & { target: string },
): Row[] {
  const scope = context.access.readScope(navigation.target, true);
  if (scope === 'none') return [];
  const all = reverseScope(row, navigation, scope);
  if (all !== undefined) return all ? linkedRows(context, row, navigation) : [];
  return linkedRows(context, row, navigation).filter(scope);
}

/** How many rows a navigation leads to that the actor may see, when that takes no test per row; undefined otherwise. */
export function visibleRelatedCount(
  context: QueryContext,
  row: Row,
  navigation: Navigation & { target: string },
  scope: RowScope,
): number | undefined {
  const all = reverseScope(row, navigation, scope);
  if (all === undefined || 'type' in navigation || !navigation.reverseOf) return undefined;
  return all ? context.store.countReferencing(navigation.target, navigation.reverseOf, row.id) : 0;
}
