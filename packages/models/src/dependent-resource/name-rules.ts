import { InvalidParameter } from '@balena-ts/core';

/** Names no environment or config variable may have: the API refuses them (its `vars-schema` rules). */
export const RESERVED_VARIABLE_NAMES: readonly string[] = ['RESIN', 'BALENA', 'USER'];

/** Prefixes that mark a variable as a system (config) variable; the API refuses them in environment variable names. */
export const RESERVED_VARIABLE_PREFIXES: readonly string[] = ['RESIN_', 'BALENA_'];

/** Tag key prefixes balena keeps for itself. */
export const RESERVED_TAG_KEY_PREFIXES: readonly string[] = ['io.resin.', 'io.balena.'];

// The server's own patterns (open-balena-api vars-schema), repeated here so that a bad name fails
// before any request instead of as a bare 400.
const INVALID_ENVIRONMENT_NAME = /^\d|\W/;
const INVALID_CONFIG_NAME = /^[\d:]|[^A-Za-z0-9_:]/;
const LINE_BREAK = /[\r\n]/;
const WHITESPACE = /\s/;

/**
 * Tells whether a variable name belongs to balena (the supervisor and the OS read it).
 *
 * @param name - a variable name
 * @returns true for `RESIN`, `BALENA`, `USER` and any name starting with `RESIN_` or `BALENA_`
 * @throws InvalidParameter when the name is not a string
 * @example
 * ```ts
 * isSystemVariable('BALENA_API_KEY'); // true
 * isSystemVariable('APPLICATION_API_KEY'); // false
 * ```
 */
export function isSystemVariable(name: string): boolean {
  requireString('name', name);
  return RESERVED_VARIABLE_NAMES.includes(name) || RESERVED_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function requireString(parameter: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new InvalidParameter(parameter, value, 'must be a string');
}

// What environment and config variable names share: a string, not empty, only the allowed
// characters, not a reserved name. They differ in the characters and in the prefix rule.
function checkVariableNameCharacters(name: string, invalid: RegExp, invalidReason: string): void {
  requireString('name', name);
  if (name === '') throw new InvalidParameter('name', name, 'a variable name cannot be empty');
  if (invalid.test(name)) throw new InvalidParameter('name', name, invalidReason);
  if (RESERVED_VARIABLE_NAMES.includes(name)) {
    throw new InvalidParameter('name', name, `${RESERVED_VARIABLE_NAMES.join(', ')} are reserved names`);
  }
}

/**
 * Checks an environment variable name (application, device, service and device service variables).
 *
 * @param name - the proposed name
 * @throws InvalidParameter naming the rule: empty, characters other than `[A-Za-z0-9_]`, a leading
 *   digit, a reserved name, or a reserved `RESIN_` / `BALENA_` prefix
 */
export function checkEnvironmentVariableName(name: string): void {
  checkVariableNameCharacters(
    name,
    INVALID_ENVIRONMENT_NAME,
    'variable names may only hold letters, digits and underscores, and cannot start with a digit',
  );
  if (RESERVED_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    throw new InvalidParameter(
      'name',
      name,
      `names starting with ${RESERVED_VARIABLE_PREFIXES.join(' or ')} are reserved for config variables`,
    );
  }
}

/**
 * Checks a config variable name (application and device config variables).
 *
 * @param name - the proposed name
 * @throws InvalidParameter naming the rule: empty, characters other than `[A-Za-z0-9_:]`, a leading
 *   digit or colon, a reserved name, or a missing `RESIN_` / `BALENA_` prefix
 */
export function checkConfigVariableName(name: string): void {
  checkVariableNameCharacters(
    name,
    INVALID_CONFIG_NAME,
    'config variable names may only hold letters, digits, underscores and colons, and cannot start with a digit or a colon',
  );
  if (!RESERVED_VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) {
    throw new InvalidParameter(
      'name',
      name,
      `config variable names must start with ${RESERVED_VARIABLE_PREFIXES.join(' or ')}`,
    );
  }
}

/**
 * Checks an environment or config variable value.
 *
 * @param value - the proposed value
 * @throws InvalidParameter when the value is not a string or holds a line break (`\r` or `\n`)
 */
export function checkVariableValue(value: string): void {
  requireString('value', value);
  if (LINE_BREAK.test(value)) throw new InvalidParameter('value', value, 'variable values cannot hold line breaks');
}

/**
 * Checks a tag key (device, application and release tags).
 *
 * @param key - the proposed key
 * @throws InvalidParameter naming the rule: empty, whitespace, or a reserved `io.resin.` /
 *   `io.balena.` prefix
 */
export function checkTagKey(key: string): void {
  requireString('tagKey', key);
  if (key === '') throw new InvalidParameter('tagKey', key, 'a tag key cannot be empty');
  if (WHITESPACE.test(key)) throw new InvalidParameter('tagKey', key, 'tag keys cannot hold whitespace');
  if (RESERVED_TAG_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) {
    throw new InvalidParameter(
      'tagKey',
      key,
      `tag keys starting with ${RESERVED_TAG_KEY_PREFIXES.join(' or ')} are reserved`,
    );
  }
}

/**
 * Checks a tag value: any string is allowed, line breaks included.
 *
 * @param value - the proposed value
 * @throws InvalidParameter when the value is not a string
 */
export function checkTagValue(value: string): void {
  requireString('value', value);
}

/** The key field of a kind of dependent resource and the rules its keys and values follow. */
export interface KeyRules {
  /** `'name'` for variables, `'tag_key'` for tags. */
  readonly keyField: 'name' | 'tag_key';
  /** Checks a key before it is written. */
  readonly checkKey: (key: string) => void;
  /** Checks a value before it is written. */
  readonly checkValue: (value: string) => void;
}

/** The rules of environment variables (application, device, service, device service). */
export const ENVIRONMENT_VARIABLE_RULES: KeyRules = {
  keyField: 'name',
  checkKey: checkEnvironmentVariableName,
  checkValue: checkVariableValue,
};

/** The rules of config variables (application, device). */
export const CONFIG_VARIABLE_RULES: KeyRules = {
  keyField: 'name',
  checkKey: checkConfigVariableName,
  checkValue: checkVariableValue,
};

/** The rules of tags (device, application, release). */
export const TAG_RULES: KeyRules = { keyField: 'tag_key', checkKey: checkTagKey, checkValue: checkTagValue };

/**
 * Checks a build variable name: balena applies none of the environment variable rules to build
 * variables, so any non-empty string is a name.
 *
 * @param name - the proposed name
 * @throws InvalidParameter when the name is not a string or is empty
 */
export function checkBuildVariableName(name: string): void {
  requireString('name', name);
  if (name === '') throw new InvalidParameter('name', name, 'a build variable name cannot be empty');
}

/** The rules of build variables: a non-empty name, any value. */
export const BUILD_VARIABLE_RULES: KeyRules = {
  keyField: 'name',
  checkKey: checkBuildVariableName,
  checkValue: checkTagValue,
};
