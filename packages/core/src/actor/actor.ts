// The answer of `GET /actor/v1/whoami`: auth's `whoami` returns it, and models read it to find the
// user who will own a new key, fleet or device.

/**
 * What every kind of actor shares in `GET /actor/v1/whoami`.
 *
 * @example
 * ```ts
 * const { id, actorTypeId } = await whoami(client); // whoami from @balena-ts/auth;
 * ```
 */
export interface ActorBase {
  /** The actor id (what balena's permissions and API keys refer to). */
  id: number;
  /** The id of the user, application or device behind the actor. */
  actorTypeId: number;
}

/**
 * A person logged in with a password, a session token or a user API key.
 *
 * @example
 * ```ts
 * const actor = await whoami(client); // whoami from @balena-ts/auth;
 * if (actor.actorType === 'user') console.log(actor.username, actor.email);
 * ```
 */
export interface UserActor extends ActorBase {
  /** Always `'user'`. */
  actorType: 'user';
  /** The username. */
  username: string;
  /** The email address (null when balena does not disclose it to this credential). */
  email: string | null;
}

/**
 * An application (fleet) API key, e.g. a provisioning key.
 *
 * @example
 * ```ts
 * const actor = await whoami(client); // whoami from @balena-ts/auth;
 * if (actor.actorType === 'application') console.log(actor.slug); // 'admin/my-fleet'
 * ```
 */
export interface ApplicationActor extends ActorBase {
  /** Always `'application'`. */
  actorType: 'application';
  /** The fleet's slug, `org/name`. */
  slug: string;
}

/**
 * A device API key.
 *
 * @example
 * ```ts
 * const actor = await whoami(client); // whoami from @balena-ts/auth;
 * if (actor.actorType === 'device') console.log(actor.uuid);
 * ```
 */
export interface DeviceActor extends ActorBase {
  /** Always `'device'`. */
  actorType: 'device';
  /** The device uuid. */
  uuid: string;
}

/**
 * Who the API sees behind the credential: a user, an application or a device.
 *
 * @example
 * ```ts
 * const actor: Actor = await whoami(client); // whoami from @balena-ts/auth;
 * ```
 */
export type Actor = UserActor | ApplicationActor | DeviceActor;
