import { type ClientOptions, createClient } from '@balena-ts/core';
import { describeBalena, type SettingsFunctions } from './describe-balena.js';
import { bindFacade } from './facade.js';
import type { BalenaOptions, BalenaSdk } from './facade-types.js';

/**
 * What differs between Node and browsers: where settings and the token live. settings-node and
 * settings-browser both provide it.
 */
export interface Platform {
  /** Completes the caller's options with the platform's settings and storage. */
  readonly resolveClientOptions: (options: ClientOptions) => ClientOptions;
  /** The five settings functions, client first. */
  readonly settings: SettingsFunctions;
}

/**
 * Builds the facade tree: one client from the platform-completed options, and the tree of
 * {@link describeBalena} bound to it. No other logic lives here.
 *
 * @param platform - settings-node's or settings-browser's pieces
 * @param options - the caller's options
 * @returns the facade as a frozen plain object
 * @throws {@link @balena-ts/core#InvalidOption} when the options or the platform's settings are invalid
 * @example
 * ```ts
 * import { get, getAll, has, remove, resolveClientOptions, set } from '@balena-ts/settings-node';
 * const balena = createBalena({ resolveClientOptions, settings: { get, getAll, has, remove, set } }, {});
 * ```
 */
export function createBalena(platform: Platform, options: BalenaOptions): BalenaSdk {
  const client = createClient(platform.resolveClientOptions(options));
  return bindFacade(client, describeBalena(platform.settings));
}
