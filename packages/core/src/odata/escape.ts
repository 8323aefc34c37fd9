import { InvalidParameter } from '../errors/parameter-errors.js';

const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes a string for an OData URL: doubles single quotes (the OData escape) and percent-encodes
 * everything else, so a value can never close its literal or add a query parameter.
 *
 * @param value - any string
 * @returns the quoted literal, e.g. `'O''Brien'`
 * @throws {@link InvalidParameter} when the string is not well-formed UTF-16 (a lone surrogate)
 * @example
 * ```ts
 * escapeString("O'Brien) or (1 eq 1"); // "'O''Brien)%20or%20(1%20eq%201'"
 * ```
 */
export function escapeString(value: string): string {
  try {
    return `'${encodeURIComponent(value.replaceAll("'", "''"))}'`;
  } catch (error) {
    throw new InvalidParameter('value', value, 'the string is not well-formed unicode', { cause: error });
  }
}

/**
 * Formats a value as an OData literal.
 *
 * @param value - a string, finite number, boolean, null or valid Date
 * @param parameter - named in the error when the value is not allowed
 * @returns the literal as it goes into the URL
 * @throws {@link InvalidParameter} for anything else
 */
export function formatLiteral(value: unknown, parameter = '$filter'): string {
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidParameter(parameter, value, 'numbers must be finite');
    // An exponent's '+' would read as a space in a URL.
    return String(value).replace('+', '%2B');
  }
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidParameter(parameter, value, 'the date is invalid');
    return escapeString(value.toISOString());
  }
  throw new InvalidParameter(parameter, value, 'expected a string, number, boolean, null or Date');
}

/**
 * Checks that a field, navigation or alias name is a plain identifier, so that it cannot carry
 * OData syntax into the query.
 *
 * @param name - the name to check
 * @param parameter - named in the error
 * @returns the name
 * @throws {@link InvalidParameter} when the name is not `/^[A-Za-z_][A-Za-z0-9_]*$/`
 */
export function checkIdentifier(name: string, parameter: string): string {
  if (typeof name !== 'string' || !IDENTIFIER_PATTERN.test(name)) {
    throw new InvalidParameter(parameter, name, 'expected a field name made of letters, digits and underscores');
  }
  return name;
}
