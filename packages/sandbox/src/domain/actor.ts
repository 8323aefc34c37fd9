/** Who is calling, as resolved from the Authorization header (or its absence). */
export type Actor =
  | { kind: 'guest' }
  | {
      kind: 'user';
      userId: number;
      actorId: number;
      /** A JWT with `twoFactorRequired: true`: only verify, refresh and whoami accept it. */
      partial: boolean;
      /** Authenticated with a user API key rather than a JWT. */
      viaApiKey: boolean;
    }
  | { kind: 'application'; applicationId: number; actorId: number }
  | { kind: 'device'; deviceId: number; actorId: number }
  /** An API key whose actor no longer exists (its device or fleet was deleted). */
  | { kind: 'orphan'; actorId: number };
