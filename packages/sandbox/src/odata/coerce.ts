import type { FieldDefinition } from '../store/schema-types.js';

/** Thrown for a value of the wrong type (balena: 400, empty body). */
export class WrongType extends Error {
  override readonly name = 'WrongType';
}

const INTEGER_TEXT = /^-?\d+$/;

/** Converts a JSON body value to the stored form of a field, or throws WrongType. */
export function coerceValue(field: FieldDefinition, value: unknown): unknown {
  if (value === null) return null;
  switch (field.type) {
    case 'serial':
    case 'link':
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && INTEGER_TEXT.test(value)) return Number(value);
      throw new WrongType(field.name);
    case 'real':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      throw new WrongType(field.name);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 0 || value === 1) return value === 1;
      if (value === 'true' || value === 'false') return value === 'true';
      throw new WrongType(field.name);
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw new WrongType(field.name);
    case 'date': {
      const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(time)) throw new WrongType(field.name);
      return new Date(time).toISOString();
    }
    case 'json':
      return value;
  }
}
