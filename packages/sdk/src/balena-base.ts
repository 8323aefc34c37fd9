import type { Client, PineClient, RequestFunction } from '@balena-ts/core';
import { createBalena, type Platform } from './create-balena.js';
import type {
  AuthFacade,
  BalenaOptions,
  BalenaSdk,
  LogsFacade,
  ModelsFacade,
  SettingsFacade,
  TwoFactorAuthFacade,
} from './facade-types.js';

/**
 * The facade's shape, shared by the Node and the browser `Balena` classes: each passes its
 * platform (where settings and the token live) and nothing else.
 */
export abstract class BalenaBase implements BalenaSdk {
  declare readonly client: Client;
  declare readonly pine: PineClient;
  declare readonly request: RequestFunction;
  declare readonly auth: AuthFacade;
  declare readonly twoFactorAuth: TwoFactorAuthFacade;
  declare readonly logs: LogsFacade;
  declare readonly settings: SettingsFacade;
  declare readonly models: ModelsFacade;

  /**
   * Creates the client and binds every module to it.
   *
   * @param platform - settings-node's or settings-browser's pieces
   * @param options - the caller's options
   * @throws {@link @balena-ts/core#InvalidOption} when the options or the platform's settings are invalid
   */
  protected constructor(platform: Platform, options: BalenaOptions) {
    Object.assign(this, createBalena(platform, options));
    Object.freeze(this);
  }
}
