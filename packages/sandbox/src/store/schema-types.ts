import type { ResourceHooks, ResourcePolicy } from './resource-policy.js';
import type { Row } from './row.js';
import type { Store } from './store.js';

/** The storage type of a field, close to the SBVR concept types balena's model uses. */
export type FieldType = 'serial' | 'text' | 'integer' | 'real' | 'boolean' | 'date' | 'json' | 'link';

/** What happens to a row whose link points at a row being deleted. */
export type OnDelete = 'cascade' | 'set-null' | 'keep';

/** A read-only value derived from a row on every read. */
export type ComputeField = (row: Row, lookup: RowLookup) => unknown;

/** Read access the computed fields and navigations need. */
export interface RowLookup {
  get(resource: string, id: number): Row | undefined;
  referencing(resource: string, field: string, id: number): Row[];
  now(): number;
}

/** One column (or computed value) of a resource. */
export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** The resource a `link` field points at. */
  target?: string;
  required?: boolean;
  /** A default for POST, a value or a factory. */
  defaultValue?: unknown;
  onDelete?: OnDelete;
  computed?: ComputeField;
  /** Not writable through the OData API (e.g. `created_at`, `api_heartbeat_state`). */
  readOnly?: boolean;
  /** Selectable by name but left out of a row read without `$select` (balena-cloud-only fields). */
  hidden?: boolean;
  /**
   * A link a write may point at any existing row, seen by the caller or not (a new member's
   * user); every other link must point at a row the caller may read.
   */
  linksAnyRow?: boolean;
  /** A secret the data file keeps only as `sha256:<hex>` (API keys); found again by hashing. */
  hashedAtRest?: boolean;
}

/** A navigation that is not a plain link field: the reverse of a link, or a custom relation. */
export interface NavigationDefinition {
  name: string;
  target: string;
  /** The reverse of the link field `field` of `target`. */
  reverseOf?: string;
  /** A custom relation. */
  resolve?: (row: Row, lookup: RowLookup) => Row[];
}

/** A resource of the `/v7` OData API. */
export interface ResourceDefinition {
  name: string;
  fields: FieldDefinition[];
  navigations: NavigationDefinition[];
  /** Sets of fields whose combined value must be unique (409). */
  unique: string[][];
  /** Fields usable as `resource(field='value')` keys. */
  alternateKeys: string[];
  /** Who may read, create and change its rows. */
  policy: ResourcePolicy;
  /** What balena derives and checks around a write. */
  hooks: ResourceHooks;
  /** A view (balena's generated tables): its rows are made on every read, nothing is stored. */
  view?: (store: Store) => Row[];
}
