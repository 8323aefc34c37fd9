/** What every kind of actor shares in `GET /actor/v1/whoami`. */
export interface ActorBase {
  /** The actor id (what balena's permissions and API keys refer to). */
  id: number;
  /** The id of the user, application or device behind the actor. */
  actorTypeId: number;
}

/** A person logged in with a password, a session token or a user API key. */
export interface UserActor extends ActorBase {
  /** Always `'user'`. */
  actorType: 'user';
  /** The username. */
  username: string;
  /** The email address (null when balena does not disclose it to this credential). */
  email: string | null;
}

/** An application (fleet) API key, e.g. a provisioning key. */
export interface ApplicationActor extends ActorBase {
  /** Always `'application'`. */
  actorType: 'application';
  /** The fleet's slug, `org/name`. */
  slug: string;
}

/** A device API key. */
export interface DeviceActor extends ActorBase {
  /** Always `'device'`. */
  actorType: 'device';
  /** The device uuid. */
  uuid: string;
}

/** Who the API sees behind the credential: a user, an application or a device. */
export type Actor = UserActor | ApplicationActor | DeviceActor;

/** The logged-in user, as {@link getUserInfo} returns it (the shape today's balena SDKs use). */
export interface UserInfo {
  /** The user id. */
  id: number;
  /** The user's actor id. */
  actor: number;
  /** The username. */
  username: string;
  /** The email address (null when balena does not disclose it to this credential). */
  email: string | null;
}
