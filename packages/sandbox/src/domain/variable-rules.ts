import { messageError } from '../http/http-error.js';
import type { Row } from '../store/row.js';

/** Names no variable may take (balena's `/config/vars` `reservedNames`). */
export const RESERVED_NAMES: string[] = ['RESIN', 'BALENA', 'USER'];
/** Prefixes of names no environment variable may take; config variables must take one. */
export const RESERVED_NAMESPACES: string[] = ['RESIN_', 'BALENA_'];
const RESERVED_TAG_PREFIXES = ['io.resin.', 'io.balena.'];
const INVALID_ENV_NAME = /^\d|\W/;
const INVALID_CONFIG_NAME = /^[\d:]|[^A-Za-z0-9_:]/;
const INVALID_ENV_NAME_MESSAGE =
  'Variable names must only contain alphanumeric characters and underscores and cannot start with a number';
const INVALID_CONFIG_NAME_MESSAGE =
  'Configuration variable names must only contain alphanumeric characters, underscores and colons';

function checkVariable(row: Row): string {
  const name = String(row.name ?? '');
  if (typeof row.value === 'string' && /[\r\n]/.test(row.value)) {
    throw messageError(400, 'Variable values cannot contain line breaks');
  }
  if (RESERVED_NAMES.includes(name)) throw messageError(400, `Variable name ${name} is reserved`);
  return name;
}

/** balena's rules on environment variable names and values (400 with a message). */
export function checkEnvironmentVariable(row: Row): void {
  const name = checkVariable(row);
  if (INVALID_ENV_NAME.test(name)) throw messageError(400, INVALID_ENV_NAME_MESSAGE);
  if (RESERVED_NAMESPACES.some((prefix) => name.startsWith(prefix))) {
    throw messageError(400, `Environment variables beginning with ${RESERVED_NAMESPACES.join(', ')} are reserved`);
  }
}

/** balena's rules on configuration variable names and values (400 with a message). */
export function checkConfigVariable(row: Row): void {
  const name = checkVariable(row);
  if (INVALID_CONFIG_NAME.test(name)) throw messageError(400, INVALID_CONFIG_NAME_MESSAGE);
  if (!RESERVED_NAMESPACES.some((prefix) => name.startsWith(prefix))) {
    throw messageError(400, `Configuration variables must begin with ${RESERVED_NAMESPACES.join(' or ')}`);
  }
}

/**
 * balena's rules on the tag keys of `owner` tags (400 with a message): its hooks' messages for
 * whitespace and reserved prefixes, its check constraint's rule text for an empty key.
 */
export function checkTag(owner: 'application' | 'device' | 'release' | 'organization membership'): (row: Row) => void {
  const emptyRule = `It is necessary that each ${owner} tag has a tag key that has a Length (Type) that is greater than 0.`;
  return (row) => {
    const key = String(row.tag_key ?? '');
    if (/\s/.test(key)) throw messageError(400, 'Tag keys cannot contain whitespace.');
    for (const prefix of RESERVED_TAG_PREFIXES) {
      if (key.startsWith(prefix)) throw messageError(400, `Tag keys beginning with ${prefix} are reserved.`);
    }
    if (key.length === 0) throw messageError(400, emptyRule);
  };
}
