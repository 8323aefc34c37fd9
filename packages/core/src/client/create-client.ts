import { checkOptionsObject } from '../errors/check-options-object.js';
import { createPineClient } from '../odata/pine-client.js';
import { createRequest } from '../request/create-request.js';
import { combineHooks, debugHooks } from '../request/debug-hooks.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import type { Client } from './client.js';
import type { ClientOptions } from './options.js';
import { resolveConfig } from './resolve-config.js';

/**
 * Creates a balena-ts client: plain data (config, storage, token provider, request function, pine
 * client) that every operation of every balena-ts package takes as its first argument.
 *
 * @param options - see {@link ClientOptions}; all optional
 * @returns the client, frozen
 * @throws {@link InvalidOption} for a malformed option
 * @throws {@link InvalidParameter} when `options` is not an object (`null`, a string...)
 * @example
 * ```ts
 * import { createClient } from '@balena-ts/core';
 * const client = createClient({ apiUrl: 'http://127.0.0.1:4000' });
 * await client.tokens.set(token);
 * const me = await client.request('/actor/v1/whoami');
 * ```
 */
export function createClient(options: ClientOptions = {}): Client {
  const checked = checkOptionsObject('options', options);
  const config = resolveConfig(checked);
  const storage = checked.storage ?? createMemoryStorage();
  const { request, tokens } = createRequest({
    config,
    storage,
    fetch: checked.fetch,
    hooks: combineHooks(debugLogger(checked.debug), checked.hooks),
    onRateLimit: checked.onRateLimit,
  });
  const pine = createPineClient(config, request);
  return Object.freeze({ config, storage, tokens, request, pine });
}

/** The environment variable that turns `debug` on when the option is not given. */
export const DEBUG_ENVIRONMENT_VARIABLE = 'BALENA_DEBUG';

// Browsers have no `process`: read it through globalThis so that nothing breaks there.
function debugFromEnvironment(): boolean {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    DEBUG_ENVIRONMENT_VARIABLE
  ];
  return value === '1' || value?.toLowerCase() === 'true';
}

function debugLogger(option: ClientOptions['debug']): ReturnType<typeof debugHooks> | undefined {
  const debug = option ?? debugFromEnvironment();
  if (!debug) return undefined;
  return debugHooks(typeof debug === 'function' ? debug : (line) => console.debug(line));
}
