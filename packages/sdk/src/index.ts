/**
 * The balena-ts facade: `new Balena(options)` with the whole tree of balena's Python SDK
 * reference. In Node, settings and the session token live on the filesystem (settings-node,
 * compatible with the balena CLI); under the `browser` condition, on `localStorage`
 * (settings-browser). The package's `#platform` import picks one.
 *
 * @packageDocumentation
 */

import { PLATFORM } from '#platform';
import { BalenaBase } from './balena-base.js';
import type { BalenaOptions } from './facade-types.js';

/**
 * The SDK in the shape of balena's Python SDK reference: `balena.<path>.<name>(...args)` is the
 * module function `<name>(client, ...args)` with this instance's client.
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
   * Creates a client from the options and the platform's settings, and binds every module to it.
   * In Node, options win over `BALENARC_*` env vars, which win over `~/.balenarc.yml`; in browsers
   * the session token is kept in `localStorage` unless `options.storage` says otherwise.
   *
   * @param options - API URL, API key, storage, data directory, timeouts, retries
   * @throws {@link @balena-ts/core#InvalidOption} when an option, `.balenarc.yml` or a setting is invalid
   */
  constructor(options: BalenaOptions = {}) {
    super(PLATFORM, options);
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
export { type BalenaDescriptor, describeBalena, type SettingsFunctions } from './describe-balena.js';
export {
  bindFacade,
  type FacadeDescriptor,
  type FacadeModule,
  type FacadeNode,
  type FacadeOf,
  type FacadeValue,
  facadeModule,
  facadeValue,
} from './facade.js';
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
