/**
 * The balena-ts facade for Node: `new Balena(options)` with the seed's whole tree, settings and
 * the session token on the filesystem (settings-node, compatible with the balena CLI). Browsers
 * get the same class on `localStorage` through the `browser` export condition.
 *
 * @packageDocumentation
 */

import { get, getAll, has, remove, resolveClientOptions, set } from '@balena-ts/settings-node';
import { BalenaBase } from './balena-base.js';
import type { Platform } from './create-balena.js';
import type { BalenaOptions } from './facade-types.js';

const NODE_PLATFORM: Platform = { resolveClientOptions, settings: { get, getAll, has, remove, set } };

/**
 * The seed-shaped SDK: `balena.<path>.<name>(...args)` is the module function
 * `<name>(client, ...args)` with this instance's client. Options win over `BALENARC_*` env vars,
 * which win over `~/.balenarc.yml`.
 *
 * @example
 * ```ts
 * import { Balena } from '@balena-ts/sdk';
 * const balena = new Balena({ apiUrl: 'http://127.0.0.1:4000' });
 * await balena.auth.login({ username: 'admin@example.com', password: 'secret' });
 * const devices = await balena.models.device.getAll();
 * ```
 */
export class Balena extends BalenaBase {
  /**
   * Creates a client from the options and the balena CLI's settings, and binds every module to it.
   *
   * @param options - API URL, API key, storage, data directory, timeouts, retries (PUBLIC-API section 6)
   * @throws {@link @balena-ts/core#InvalidOption} when `.balenarc.yml` or a setting is invalid
   */
  constructor(options: BalenaOptions = {}) {
    super(NODE_PLATFORM, options);
  }
}

export { BalenaBase } from './balena-base.js';
export type {
  Bound,
  IsOperation,
  KeptKeys,
  OmitClient,
  StandaloneChoices,
  StandaloneKeys,
} from './bind.js';
export { bind } from './bind.js';
export { createBalena, type Platform } from './create-balena.js';
export type {
  ApiKeyFacade,
  ApplicationFacade,
  AuthFacade,
  BalenaOptions,
  BalenaSdk,
  ConfigFacade,
  ConfigVariableFacade,
  DeviceFacade,
  DeviceOsFacade,
  EnvironmentVariablesFacade,
  ImageFacade,
  KeyFacade,
  LogsFacade,
  ModelsFacade,
  ReleaseFacade,
  ServiceFacade,
  SettingsFacade,
  SupervisorFacade,
  TagFacade,
  TwoFactorAuthFacade,
} from './facade-types.js';
export type { IsTypedOptions, ResourceOf, TypedQuery, WithRow } from './typed-query.js';
