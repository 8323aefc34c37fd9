import { type JwtClaims, looksLikeJwt, signJwt, verifyJwt } from './auth/jwt.js';
import type { Actor } from './domain/actor.js';
import { isFirstContact } from './domain/device-status.js';
import { WebResourceStorage } from './domain/web-resources.js';
import { emptyError, messageError } from './http/http-error.js';
import type { SandboxRequest } from './http/router.js';
import { Access } from './odata/access.js';
import { updateRow } from './store/new-row.js';
import { HASHED_KEY_PREFIX, hashApiKey } from './store/persistence.js';
import type { Row } from './store/row.js';
import type { Store } from './store/store.js';

/** Settings of one running sandbox. */
export interface SandboxConfig {
  jwtSecret: string;
  tokenTtlSeconds: number;
  /** The host device public URLs hang off (`https://<uuid>.<deviceUrlsBase>`). */
  deviceUrlsBase: string;
  /** An `online` device that has not polled its target state for this long turns `offline`. */
  heartbeatTimeoutMs: number;
  quiet: boolean;
  /** The data file (uploaded files are kept next to it), or undefined for memory only. */
  dataFile?: string;
  /** The largest web resource (release asset) accepted, in bytes. */
  webResourceMaxBytes?: number;
}

/** Options of a token issued by the sandbox. */
export interface TokenOptions {
  expiresInSeconds?: number;
  twoFactorRequired?: boolean;
  issuedAtSeconds?: number;
  authTimeMs?: number;
}

/**
 * What every route module gets: the store, authentication helpers and a clock; changes
 * reach other modules through one channel, `store.onChange`. Internal
 * (not exported from the package); see ARCHITECTURE.md.
 */
export class SandboxContext {
  readonly store: Store;
  readonly config: SandboxConfig;
  private readonly closers: (() => Promise<void> | void)[] = [];
  /** The base URL once listening ('http://127.0.0.1:<port>'). */
  url = '';
  /** The superuser's id (the only user allowed into `/sandbox/v1`). */
  superuserId = 0;

  /** Uploaded files (release assets): next to the data file, or in memory. */
  readonly webResources: WebResourceStorage;

  constructor(store: Store, config: SandboxConfig) {
    this.store = store;
    this.config = config;
    this.webResources = new WebResourceStorage(config.dataFile, config.webResourceMaxBytes);
  }

  now(): number {
    return this.store.now();
  }

  /** Registers cleanup to run when the sandbox closes (streams, brokers, timers). */
  onClose(closer: () => Promise<void> | void): void {
    this.closers.push(closer);
  }

  /** Runs every registered cleanup, last registered first. */
  async runClosers(): Promise<void> {
    for (const closer of this.closers.reverse()) await closer();
  }

  /** A signed JWT for a user, with balena's claims. */
  issueToken(userId: number, options: TokenOptions = {}): string {
    const user = this.store.get('user', userId);
    if (!user) throw new Error(`no user ${userId}`);
    const issuedAt = options.issuedAtSeconds ?? Math.floor(this.now() / 1000);
    const claims: JwtClaims = {
      id: user.id,
      username: user.username as string,
      email: user.email as string,
      jwt_secret: user.jwt_secret as string,
      authTime: options.authTimeMs ?? this.now(),
      iat: issuedAt,
      exp: issuedAt + (options.expiresInSeconds ?? this.config.tokenTtlSeconds),
    };
    if (options.twoFactorRequired !== undefined) claims.twoFactorRequired = options.twoFactorRequired;
    return signJwt(claims, this.config.jwtSecret);
  }

  /** The bearer token of a request (`Authorization: Bearer` or `?apikey=`), if any. */
  bearerToken(request: SandboxRequest): string | undefined {
    const header = request.raw.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
    return request.query.get('apikey') ?? undefined;
  }

  /** The claims of a request's valid JWT, if it carries one. */
  jwtClaims(request: SandboxRequest): JwtClaims | undefined {
    const token = this.bearerToken(request);
    if (!token || !looksLikeJwt(token)) return undefined;
    const claims = verifyJwt(token, this.config.jwtSecret, this.now());
    if (!claims) return undefined;
    const user = this.store.get('user', claims.id);
    // Changing the password (or disabling 2FA) rotates jwt_secret and so revokes older tokens; a
    // token without the claim is never valid.
    if (!user || claims.jwt_secret !== user.jwt_secret) return undefined;
    return claims;
  }

  /** Who is calling. Missing, forged or expired credentials make a guest (balena answers such requests as it answers anonymous ones: never 401 for a bad token alone). */
  authenticate(request: SandboxRequest): Actor {
    const token = this.bearerToken(request);
    if (!token) return { kind: 'guest' };
    if (looksLikeJwt(token)) {
      const claims = this.jwtClaims(request);
      if (!claims) return { kind: 'guest' };
      const user = this.store.get('user', claims.id)!;
      return {
        kind: 'user',
        userId: user.id,
        actorId: user.actor as number,
        partial: claims.twoFactorRequired === true,
        viaApiKey: false,
      };
    }
    return this.actorOfApiKey(token);
  }

  /** The actor an API key stands for; unknown or expired keys make a guest. */
  actorOfApiKey(key: string): Actor {
    // A key loaded from a data file is stored hashed; a hash itself is never a credential.
    const inClear = key.startsWith(HASHED_KEY_PREFIX) ? undefined : this.store.findUnique('api_key', ['key'], [key]);
    const apiKey = inClear ?? this.store.findUnique('api_key', ['key'], [hashApiKey(key)]);
    if (!apiKey) return { kind: 'guest' };
    if (apiKey.expiry_date && Date.parse(apiKey.expiry_date as string) <= this.now()) return { kind: 'guest' };
    const actorId = apiKey.is_of__actor as number;
    const user = this.store.referencing('user', 'actor', actorId)[0];
    if (user) return { kind: 'user', userId: user.id, actorId, partial: false, viaApiKey: true };
    const application = this.store.referencing('application', 'actor', actorId)[0];
    if (application) return { kind: 'application', applicationId: application.id, actorId };
    const device = this.store.referencing('device', 'actor', actorId)[0];
    if (device) return { kind: 'device', deviceId: device.id, actorId };
    return { kind: 'orphan', actorId };
  }

  /** The permissions of an actor for one request. */
  access(actor: Actor): Access {
    return new Access(this.store, actor);
  }

  /** A fully authenticated user (401 otherwise; partial 2FA tokens only when `allowPartial`). */
  requireUser(actor: Actor, allowPartial = false): Extract<Actor, { kind: 'user' }> {
    if (actor.kind !== 'user' || (actor.partial && !allowPartial)) throw emptyError(401);
    return actor;
  }

  /** The device with this uuid if the actor may read it; 404 "No device with uuid" otherwise. */
  requireDevice(actor: Actor, uuid: string): Row {
    const device = this.store.findUnique('device', ['uuid'], [uuid]);
    const scope = this.access(actor).readScope('device');
    if (!device || scope === 'none' || !scope(device)) throw messageError(404, `No device with uuid ${uuid}`);
    return device;
  }

  /** Records a target-state poll: the device's API heartbeat becomes `online` (balena: a state report alone leaves it `unknown`; only a target-state poll marks the device online). */
  markHeartbeat(deviceId: number): void {
    const device = this.store.get('device', deviceId);
    if (!device) return;
    const changes: Record<string, unknown> = { heartbeat_at_ms: this.now() };
    if (isFirstContact(device)) changes.is_active = true;
    if (device.api_heartbeat_state !== 'online') {
      changes.api_heartbeat_state = 'online';
      changes.changed_api_heartbeat_state_on__date = new Date(this.now()).toISOString();
    }
    updateRow(this.store, 'device', deviceId, changes);
  }

  /** Turns `online` devices whose heartbeat is older than the timeout `offline`. */
  expireHeartbeats(): void {
    const limit = this.now() - this.config.heartbeatTimeoutMs;
    for (const device of this.store.all('device')) {
      if (device.api_heartbeat_state !== 'online') continue;
      if (Number(device.heartbeat_at_ms ?? 0) > limit) continue;
      updateRow(this.store, 'device', device.id, {
        api_heartbeat_state: 'offline',
        changed_api_heartbeat_state_on__date: new Date(this.now()).toISOString(),
      });
    }
  }
}
