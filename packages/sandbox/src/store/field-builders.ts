import type { ResourcePolicy } from './resource-policy.js';
import type { Row } from './row.js';
import type {
  ComputeField,
  FieldDefinition,
  FieldType,
  NavigationDefinition,
  OnDelete,
  ResourceDefinition,
} from './schema-types.js';

const FIELD_TYPES = new Set<string>(['serial', 'text', 'integer', 'real', 'boolean', 'date', 'json']);
const ON_DELETE = new Set<string>(['cascade', 'set-null', 'keep']);

/**
 * Columns in balena's order, one per line, as in a table definition:
 *
 * ```
 * name        text      required
 * status      text      default="Downloading"
 * device      -> device cascade required
 * is_frozen   boolean   hidden computed
 * ```
 *
 * A type (`serial text integer real boolean date json`) or a link (`-> target` and what happens
 * when the target goes: `cascade`, `set-null` or `keep`), then flags: `required`, `readonly`
 * (not writable through `/v7`), `hidden` (only with `$select`), `computed` (its function in
 * `computed`), `default=<JSON>`, `any-row` (a link a write may point at a row the caller cannot
 * read; by default a write may only link to rows the caller reads), `hashed-at-rest` (a secret
 * the data file keeps as a SHA-256 hash). Booleans default to false. A mistake throws when the module loads.
 */
export function columns(table: string, computed: Readonly<Record<string, ComputeField>> = {}): FieldDefinition[] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name = '', type = '', ...rest] = line.split(/\s+/);
      const field: FieldDefinition = { name, type: type as FieldType };
      if (type === '->') {
        field.type = 'link';
        field.target = rest.shift();
        const onDelete = rest.shift() ?? '';
        if (!ON_DELETE.has(onDelete)) throw new Error(`column ${name}: link without cascade/set-null/keep`);
        field.onDelete = onDelete as OnDelete;
      } else if (!FIELD_TYPES.has(type)) {
        throw new Error(`column ${name}: unknown type ${type}`);
      }
      if (type === 'boolean') field.defaultValue = false;
      for (const flag of rest) {
        if (flag === 'required') field.required = true;
        else if (flag === 'readonly') field.readOnly = true;
        else if (flag === 'hidden') field.hidden = true;
        else if (flag === 'any-row') field.linksAnyRow = true;
        else if (flag === 'hashed-at-rest') field.hashedAtRest = true;
        else if (flag === 'computed') field.computed = computedOf(computed, name);
        else if (flag.startsWith('default=')) field.defaultValue = JSON.parse(flag.slice('default='.length));
        else throw new Error(`column ${name}: unknown flag ${flag}`);
      }
      return field;
    });
}

function computedOf(computed: Readonly<Record<string, ComputeField>>, name: string): ComputeField {
  const compute = computed[name];
  if (!compute) throw new Error(`column ${name}: computed without a function`);
  return compute;
}

/**
 * Reverse navigations, one per line: `name <- target.field` (the rows of `target` whose link
 * `field` points at this row).
 */
export function reverseLinks(table: string): NavigationDefinition[] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const match = /^(\w+)\s+<-\s+(\w+)\.(\w+)$/.exec(line);
      if (!match) throw new Error(`navigation: cannot read "${line}"`);
      const [, name = '', target = '', field = ''] = match;
      return { name, target, reverseOf: field };
    });
}

/** `created_at`, `modified_at` and `id`: the columns every balena table starts with. */
export function baseFields(): FieldDefinition[] {
  return columns(`
    created_at    date    readonly
    modified_at   date    readonly
    id            serial
  `);
}

/** A resource declaration; what it leaves out is empty (no navigations, constraints, keys or hooks). */
export function resource(
  definition: Pick<ResourceDefinition, 'name' | 'fields' | 'policy'> & Partial<ResourceDefinition>,
): ResourceDefinition {
  return { navigations: [], unique: [], alternateKeys: [], hooks: {}, ...definition };
}

/**
 * A key/value child (tag, variable) of `parent.resource`, in balena's shape (parent, key, id,
 * value), unique per parent and key, with balena's rules on its names (`validate`).
 */
export function keyValueResource(
  name: string,
  parent: { field: string; resource: string; key: string },
  policy: ResourcePolicy,
  validate?: (row: Row) => void,
): ResourceDefinition {
  return resource({
    name,
    fields: columns(`
      created_at       date    readonly
      modified_at      date    readonly
      ${parent.field}  -> ${parent.resource} cascade required
      ${parent.key}    text    required
      id               serial
      value            text    required
    `),
    unique: [[parent.field, parent.key]],
    policy,
    // balena's name rules run on PATCH as well as on POST (its hooks are registered for both).
    hooks: validate
      ? {
          validate,
          beforeUpdate: (_store, next, previous) => {
            if (next[parent.key] !== previous[parent.key] || next.value !== previous.value) validate(next);
          },
        }
      : {},
  });
}
