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
  /** The core client every bound function receives: pass it to module functions. */
  declare readonly client: Client;
  /** The OData client (`client.pine`) for requests the models do not cover. */
  declare readonly pine: PineClient;
  /** The request function (`client.request`) for endpoints outside OData. */
  declare readonly request: RequestFunction;
  /** Login, logout, tokens and the current user (`@balena-ts/auth`). */
  declare readonly auth: AuthFacade;
  /** Two-factor authentication (`@balena-ts/auth/two-factor`). */
  declare readonly twoFactorAuth: TwoFactorAuthFacade;
  /** Device logs: history and live subscriptions (`@balena-ts/logs`). */
  declare readonly logs: LogsFacade;
  /** Settings, read from the platform's storage. */
  declare readonly settings: SettingsFacade;
  /** The seed's models (`@balena-ts/models` and `@balena-ts/supervisor`). */
  declare readonly models: ModelsFacade;

  /**
   * Creates the client and binds every module to it.
   *
   * @param platform - settings-node's or settings-browser's pieces
   * @param options - the caller's options
   * @throws {@link @balena-ts/core#InvalidOption} when the options or the platform's settings are invalid
   */
  protected constructor(platform: Platform, options: BalenaOptions) {
    // The instance itself stays open so that subclasses can add their own helpers; the tree
    // under it is frozen.
    Object.assign(this, createBalena(platform, options));
  }
}
