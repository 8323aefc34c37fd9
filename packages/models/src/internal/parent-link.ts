/**
 * Where the rows that belong to a parent (an organization, a fleet, a team) are, and how each names
 * its parent: the two names every read and write of those rows needs together, declared once by the
 * model that owns the rows.
 */
export interface ParentLink {
  /** The OData resource of the rows, e.g. `team`. */
  readonly resource: string;
  /** The rows' field that links each to its parent, e.g. `belongs_to__organization`. */
  readonly parentField: string;
}
