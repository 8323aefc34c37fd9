import { messageError } from '../http/http-error.js';
import type { Row } from '../store/row.js';

/** Names no variable may take (api-map 1.5). */
export const RESERVED_NAMES: string[] = ['RESIN', 'BALENA', 'USER'];
/** Prefixes of names no environment variable may take; config variables must take one. */
export const RESERVED_NAMESPACES: string[] = ['RESIN_', 'BALENA_'];
const INVALID_ENV_NAME = /^\d|\W/;
const INVALID_CONFIG_NAME = /^[\d:]|[^A-Za-z0-9_:]/;

const ENV_RESOURCES = new Set([
  'application_environment_variable',
  'device_environment_variable',
  'service_environment_variable',
  'device_service_environment_variable',
]);
const CONFIG_RESOURCES = new Set(['application_config_variable', 'device_config_variable']);
const TAG_RESOURCES = new Set(['application_tag', 'device_tag', 'release_tag']);

/** Enforces balena's rules on variable names, values and tag keys (400 with a message). */
export function checkVariableRules(resource: string, row: Row): void {
  if (ENV_RESOURCES.has(resource) || CONFIG_RESOURCES.has(resource)) {
    const name = String(row.name ?? '');
    if (typeof row.value === 'string' && /[\r\n]/.test(row.value)) {
      throw messageError(400, 'Variable values cannot contain line breaks');
    }
    if (RESERVED_NAMES.includes(name)) throw messageError(400, `Variable name ${name} is reserved`);
    if (ENV_RESOURCES.has(resource)) {
      if (INVALID_ENV_NAME.test(name)) {
        throw messageError(
          400,
          'Variable names must only contain alphanumeric characters and underscores and cannot start with a number',
        );
      }
      if (RESERVED_NAMESPACES.some((prefix) => name.startsWith(prefix))) {
        throw messageError(400, `Environment variables beginning with ${RESERVED_NAMESPACES.join(', ')} are reserved`);
      }
    } else {
      if (INVALID_CONFIG_NAME.test(name)) {
        throw messageError(
          400,
          'Configuration variable names must only contain alphanumeric characters, underscores and colons',
        );
      }
      if (!RESERVED_NAMESPACES.some((prefix) => name.startsWith(prefix))) {
        throw messageError(400, `Configuration variables must begin with ${RESERVED_NAMESPACES.join(' or ')}`);
      }
    }
  }
  if (TAG_RESOURCES.has(resource)) {
    const key = String(row.tag_key ?? '');
    if (key.length === 0) throw messageError(400, 'Tag keys cannot be empty');
    if (/\s/.test(key)) throw messageError(400, 'Tag keys cannot contain whitespace');
    if (key.startsWith('io.resin.') || key.startsWith('io.balena.')) {
      throw messageError(400, 'Tag keys beginning with io.resin. or io.balena. are reserved');
    }
  }
}
