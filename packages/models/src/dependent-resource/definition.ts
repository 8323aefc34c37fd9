import type { KeyRules } from './name-rules.js';
import type { ParentKind } from './parent-kind.js';

/**
 * A key/value resource that belongs to a parent row: a variable (key field `name`) or a tag (key
 * field `tag_key`). One definition per resource drives every generic operation of this folder
 * (api-map 1.4, "dependent resources").
 *
 * @typeParam P - the forms a caller may give the parent in
 */
export interface DependentResource<P> extends KeyRules {
  /** The OData resource, e.g. `'device_environment_variable'`. */
  readonly resource: string;
  /** The field that links a row to its parent, e.g. `'device'`. */
  readonly parentField: string;
  /** How to find the parent. */
  readonly parent: ParentKind<P>;
}

/**
 * Describes a dependent resource.
 *
 * @param resource - the OData resource, e.g. `'device_tag'`
 * @param parentField - the field that links a row to its parent, e.g. `'device'`
 * @param parent - how to find the parent
 * @param rules - the key field and the key and value rules
 * @returns the definition
 */
export function dependentResource<P>(
  resource: string,
  parentField: string,
  parent: ParentKind<P>,
  rules: KeyRules,
): DependentResource<P> {
  return { resource, parentField, parent, ...rules };
}
