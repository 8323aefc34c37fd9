import type { SandboxFaults } from './faults/fault-types.js';
import type {
  SimulateDeviceOptions,
  SimulatedDevice,
  SimulatedFleet,
  SimulateFleetOptions,
} from './simulator/simulator-types.js';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** The port to listen on; 0 (the default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** A SQLite file: the state survives restarts. Without it, state lives in memory only. */
  dataFile?: string;
  /** The superuser's credentials; default `admin` / `admin@example.com` / a generated password. */
  superuser?: { username?: string; email?: string; password?: string };
  /** JWT lifetime in seconds; default 7 days. */
  tokenTtlSeconds?: number;
  /** No request logging; default true programmatically. */
  quiet?: boolean;
  /** The keep-alive interval of log streams (NDJSON `"\n"`, SSE comment); default 58 000 as balena. */
  logHeartbeatMs?: number;
  /**
   * The largest release asset accepted, in bytes; default 500 000 000 as balena. Only a lower
   * value makes sense (tests of the size refusal).
   */
  releaseAssetMaxBytes?: number;
}

/** A user of the sandbox, with a valid token. */
export interface SandboxUser {
  /** The user id (`user` resource). */
  id: number;
  /** The user's actor id (what API keys point at). */
  actorId: number;
  /** The login name, also the handle of the user's organization. */
  username: string;
  /** The e-mail address (also accepted by `/login_`). */
  email: string;
  /**
   * The password in clear, for login tests; empty after a restart on a data file without a
   * `superuser.password` (only its hash is kept).
   */
  password: string;
  /** A fresh valid JWT for this user. */
  token: string;
  /** The user's own organization (its handle is the username). */
  organizationId: number;
  /** The TOTP secret (base32) when two-factor authentication is enabled. */
  totpSecret?: string;
}

/** Options of {@link Sandbox.createUser}. */
export interface CreateUserOptions {
  /** Default `user_<random>`. */
  username?: string;
  /** Default `<username>@example.com`. */
  email?: string;
  /** Default a random password (returned in the result). */
  password?: string;
  /** Enables TOTP two-factor authentication: login then yields a `twoFactorRequired: true` token. */
  twoFactor?: boolean;
}

/** Options of {@link Sandbox.issueToken}. */
export interface IssueTokenOptions {
  /** Lifetime; negative for an already expired token. */
  expiresInSeconds?: number;
  /** Adds the `twoFactorRequired` claim (true: a partial, 2FA-pending token). */
  twoFactorRequired?: boolean;
  /** The `iat` claim, in epoch seconds; default now. */
  issuedAtSeconds?: number;
}

/** Options of {@link Sandbox.seedApplication}. */
export interface SeedApplicationOptions {
  /** The owning user's id; default the superuser. */
  owner?: number;
  /** The organization id; default the owner's own organization. */
  organization?: number;
  /** The fleet name (`app_name`); the slug is `<organization handle>/<name lower-cased>`. */
  name: string;
  /** A device-type slug; default raspberrypi4-64. */
  deviceType?: string;
}

/** Options of {@link Sandbox.seedDevices}. */
export interface SeedDevicesOptions {
  /** The fleet id. */
  application: number;
  /** How many devices to insert. */
  count: number;
  /** A device-type slug; default the fleet's. */
  deviceType?: string;
  /** Names become `<prefix>1`, `<prefix>2`…; default random `adjective-noun` names. */
  namePrefix?: string;
  /** Extra device fields to set on every device. */
  fields?: Record<string, unknown>;
}

/** Options of {@link Sandbox.seedRelease}. */
export interface SeedReleaseOptions {
  /** The fleet id. */
  application: number;
  /** Service names; default ['main']. */
  services?: string[];
  /** Default 32 random hex digits. */
  commit?: string;
  /** Default 'success'; a successful final release becomes the target of a tracking fleet. */
  status?: 'success' | 'failed' | 'running';
  /** `major.minor.patch`; default 0.0.0. */
  semver?: string;
  /** Default true. */
  isFinal?: boolean;
}

/** What {@link Sandbox.seedRelease} created. */
export interface SeededRelease {
  /** The release id. */
  id: number;
  /** The release commit. */
  commit: string;
  /** One service and image per service name. */
  services: { id: number; name: string; imageId: number }[];
}

/** Options of {@link Sandbox.addMembership}. */
export interface AddMembershipOptions {
  /** The user id. */
  user: number;
  /** The organization id. */
  organization: number;
  /** Default 'member' (reads the organization, reaches only the fleets granted to it); 'administrator' manages it and all its fleets. */
  role?: 'administrator' | 'member';
}

/** A running sandbox. */
export interface Sandbox {
  /** 'http://127.0.0.1:<port>', no trailing slash. */
  url: string;
  /** The superuser, with a fresh token. */
  superuser: SandboxUser;
  /** Stops listening, closes sockets and streams, flushes the data file. */
  close(): Promise<void>;
  /** Creates a user with their own organization, as `POST /user/register` does. */
  createUser(options?: CreateUserOptions): Promise<SandboxUser>;
  /** A signed JWT for a user (tests: expiry, 2FA). */
  issueToken(userId: number, options?: IssueTokenOptions): string;
  /** Creates a fleet without HTTP. */
  seedApplication(options: SeedApplicationOptions): Promise<{ id: number; slug: string; uuid: string }>;
  /** Bulk-inserts devices without HTTP. */
  seedDevices(options: SeedDevicesOptions): Promise<{ id: number; uuid: string }[]>;
  /** Creates a release with services and images without HTTP. */
  seedRelease(options: SeedReleaseOptions): Promise<SeededRelease>;
  /**
   * Makes a user a member of another organization without HTTP (as `POST /v7/organization_membership`
   * by one of its administrators); throws for an unknown user or organization or an existing membership.
   */
  addMembership(options: AddMembershipOptions): Promise<{ id: number }>;
  /** Total HTTP requests served so far. */
  requestCount(): number;
  // Second engineer: simulateDevice, simulateFleet, faults and mqttUrl are added here.
  /** Keeps a registered device alive (heartbeat, VPN, release, logs, supervisor); see README. */
  simulateDevice(uuid: string, options?: SimulateDeviceOptions): Promise<SimulatedDevice>;
  /** Registers `count` devices through `/device/register` and simulates them. */
  simulateFleet(options: SimulateFleetOptions): Promise<SimulatedFleet>;
  /** Fault injection (also over HTTP: `/sandbox/v1/faults`, superuser only); see README. */
  faults: SandboxFaults;
  /** The embedded MQTT broker of device logs ('mqtt://127.0.0.1:<port>'; topic `devices/<uuid>/logs`). */
  mqttUrl: string;
  /**
   * The same broker over WebSocket ('ws://127.0.0.1:<port>/mqtt'), for browser pages: mqtt.js
   * connects to it with the same user name, token and topics as over TCP.
   */
  mqttWsUrl: string;
}
