import type { FieldDefinition, NavigationDefinition, OnDelete } from './schema-types.js';

type Options = Partial<Omit<FieldDefinition, 'name' | 'type'>>;

/** A text field. */
export function text(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'text', ...options };
}

/** An integer field. */
export function integer(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'integer', ...options };
}

/** A real-number field. */
export function real(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'real', ...options };
}

/** A boolean field, false unless told otherwise. */
export function boolean(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'boolean', defaultValue: false, ...options };
}

/** A date field (stored as an ISO 8601 string). */
export function date(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'date', ...options };
}

/** A JSON field. */
export function json(name: string, options: Options = {}): FieldDefinition {
  return { name, type: 'json', ...options };
}

/** A link to a row of `target`, answered as `{"__id": N}` unless expanded. */
export function link(name: string, target: string, onDelete: OnDelete, options: Options = {}): FieldDefinition {
  return { name, type: 'link', target, onDelete, ...options };
}

/** The reverse navigation of the link `field` of `target`. */
export function reverse(name: string, target: string, field: string): NavigationDefinition {
  return { name, target, reverseOf: field };
}

/** `created_at`, `modified_at` and `id`: the columns every balena table starts with. */
export function baseFields(): FieldDefinition[] {
  return [
    date('created_at', { readOnly: true }),
    date('modified_at', { readOnly: true }),
    { name: 'id', type: 'serial' },
  ];
}

/** The shape balena gives every key/value child (tags, variables): parent, key, id, value. */
export function keyValueFields(parent: string, parentResource: string, key: string): FieldDefinition[] {
  const [createdAt, modifiedAt, id] = baseFields();
  return [
    createdAt!,
    modifiedAt!,
    link(parent, parentResource, 'cascade', { required: true }),
    text(key, { required: true }),
    id!,
    text('value', { required: true }),
  ];
}
