import type { AddressInfo } from 'node:net';
import { hashPassword, verifyPassword } from './auth/password.js';
import { randomHex } from './auth/random.js';
import { generateTotpSecret } from './auth/totp.js';
import { SandboxContext } from './context.js';
import { seedCatalogue } from './domain/catalogue-seed.js';
import { ensureCreditFeatures } from './domain/credit-features.js';
import { trackDeviceHistory } from './domain/device-history.js';
import { ensureFleetMembershipRoles } from './domain/fleet-roles.js';
import { addMembership, ensureMembershipRoles } from './domain/memberships.js';
import { seedApplication, seedDevices, seedRelease } from './domain/seeding.js';
import { trackServiceInstalls } from './domain/service-installs.js';
import { createUserWithOrganization } from './domain/users.js';
import { rebaseWebResources } from './domain/web-resources.js';
import type { Middleware } from './http/router.js';
import { Router } from './http/router.js';
import { createSandboxServer } from './http/server.js';
import { ROUTE_MODULES } from './routes/register-routes.js';
import { startRuntime } from './simulator/start-runtime.js';
import { persistBilling } from './store/billing-persistence.js';
import { updateRow } from './store/new-row.js';
import { Persistence } from './store/persistence.js';
import { RESOURCES } from './store/schema.js';
import { Store } from './store/store.js';
import type { CreateUserOptions, Sandbox, SandboxOptions, SandboxUser } from './types.js';

// The kernel lowers it to its own cap (net.core.somaxconn, 4096 on current Linux).
const LISTEN_BACKLOG = 4096;

const DEFAULT_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;
// balena marks a device offline when it misses polls for a while; long enough to keep tests stable.
const DEFAULT_HEARTBEAT_TIMEOUT_MS = 11 * 60 * 1000;
const HEARTBEAT_SWEEP_INTERVAL_MS = 1000;

async function openStore(
  options: SandboxOptions,
): Promise<{ store: Store; persistence?: Persistence; fresh: boolean }> {
  const store = new Store();
  if (!options.dataFile) return { store, fresh: true };
  const persistence = await Persistence.open(options.dataFile);
  const fresh = persistence.isEmpty();
  if (!fresh) store.load(persistence.rows());
  return { store, persistence, fresh };
}

/** A clear error for a port that cannot be listened on; the system error stays its `cause`. */
function listenError(error: unknown, port: number): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EADDRINUSE'
      ? `port ${port} on 127.0.0.1 is already in use`
      : code === 'EACCES'
        ? `no permission to listen on port ${port} of 127.0.0.1`
        : `cannot listen on port ${port} of 127.0.0.1 (${code ?? String(error)})`;
  return Object.assign(new Error(reason, { cause: error }), { code });
}

/**
 * Starts a local balena-compatible API server on 127.0.0.1.
 *
 * @param options - port, data file, superuser credentials, token lifetime, logging
 * @returns the running sandbox: its URL, superuser (with a token), seeding helpers and `close()`
 * @throws when the port is taken or the data file cannot be read
 * @example
 * ```ts
 * const sandbox = await startSandbox();
 * const response = await fetch(`${sandbox.url}/v7/application`, {
 *   headers: { Authorization: `Bearer ${sandbox.superuser.token}` },
 * });
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { store, persistence, fresh } = await openStore(options);
  const jwtSecret = persistence?.getMeta('jwt_secret') ?? randomHex(64);
  const context = new SandboxContext(store, {
    jwtSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    deviceUrlsBase: 'balena-devices.com',
    heartbeatTimeoutMs: DEFAULT_HEARTBEAT_TIMEOUT_MS,
    quiet: options.quiet ?? true,
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
    ...(options.releaseAssetMaxBytes !== undefined ? { webResourceMaxBytes: options.releaseAssetMaxBytes } : {}),
  });
  trackServiceInstalls(store);
  trackDeviceHistory(store);
  // Only the password's hash is kept: after a restart the password is known only if given again.
  let superuserPassword = '';
  let superuserId = Number(persistence?.getMeta('superuser_id') ?? 0);
  if (fresh) {
    seedCatalogue(store);
    superuserPassword = options.superuser?.password ?? randomHex(16);
    const { user } = createUserWithOrganization(store, {
      username: options.superuser?.username ?? 'admin',
      email: options.superuser?.email ?? 'admin@example.com',
      password: superuserPassword,
    });
    superuserId = user.id;
  } else if (options.superuser?.password) {
    superuserPassword = options.superuser.password;
    const user = store.get('user', superuserId);
    if (user && !verifyPassword(superuserPassword, String(user.password_hash ?? ''))) {
      updateRow(store, 'user', superuserId, { password_hash: hashPassword(superuserPassword) });
    }
  }
  if (persistence) {
    if (fresh) persistence.trackAll(store, RESOURCES.keys());
    persistence.track(store);
    // Data files of older sandboxes have no membership roles yet, and kept the password in clear.
    if (!fresh) ensureMembershipRoles(store);
    if (!fresh) ensureCreditFeatures(store);
    persistBilling(store, persistence);
    if (!fresh) ensureFleetMembershipRoles(store);
    persistence.deleteMeta('superuser_password');
    if (!fresh) persistence.hashStoredSecrets(store);
    persistence.setMeta('jwt_secret', jwtSecret);
    persistence.setMeta('superuser_id', String(superuserId));
    persistence.commit();
  }

  context.superuserId = superuserId;
  // Logs, MQTT, faults and simulated devices (ARCHITECTURE.md, "runtime").
  const runtime = await startRuntime(context, { options });
  const router = new Router();
  const middleware: Middleware[] = [];
  for (const register of ROUTE_MODULES) register(context, router, middleware);
  let requests = 0;
  const log = context.config.quiet ? () => {} : (message: string) => console.log(message);
  const { server, sockets } = createSandboxServer({
    router,
    middleware,
    onRequest: () => requests++,
    // An answer goes out only once what the request changed is on disk.
    beforeResponse: persistence ? () => persistence.commit() : undefined,
    log,
    logRequests: !context.config.quiet,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A queue of pending connections as long as the system allows (Node asks for 511): a burst of
      // a thousand clients connecting at once overflowed 511, and each refused connection waited
      // the kernel's one-second SYN retry (load p99 about 1.1 s in one run in two, against 0.6 s).
      server.listen({ port: options.port ?? 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => resolve());
    });
  } catch (error) {
    // The runtime (MQTT broker, supervisor server) and the data file are already open: close them,
    // or the process would never exit.
    await context.runClosers();
    persistence?.close();
    throw listenError(error, options.port ?? 0);
  }
  const { port } = server.address() as AddressInfo;
  context.url = `http://127.0.0.1:${port}`;
  rebaseWebResources(store, context.url);
  const sweep = setInterval(() => context.expireHeartbeats(), HEARTBEAT_SWEEP_INTERVAL_MS);
  sweep.unref();

  const describeUser = (userId: number, password: string, totpSecret?: string): SandboxUser => {
    const user = store.get('user', userId)!;
    const membership = store.referencing('organization_membership', 'user', userId)[0];
    const twoFactor = totpSecret ? { twoFactorRequired: false } : {};
    return {
      id: user.id,
      actorId: user.actor as number,
      username: user.username as string,
      email: user.email as string,
      password,
      token: context.issueToken(user.id, twoFactor),
      organizationId: membership?.is_member_of__organization as number,
      ...(totpSecret ? { totpSecret } : {}),
    };
  };

  let closed = false;
  const sandbox: Sandbox = {
    url: context.url,
    superuser: describeUser(superuserId, superuserPassword),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweep);
      await context.runClosers();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await stopped;
      persistence?.close();
    },
    async createUser(userOptions: CreateUserOptions = {}) {
      const suffix = randomHex(6);
      const username = userOptions.username ?? `user_${suffix}`;
      const password = userOptions.password ?? randomHex(16);
      const { user } = createUserWithOrganization(store, {
        username,
        email: userOptions.email ?? `${username}@example.com`,
        password,
      });
      let totpSecret: string | undefined;
      if (userOptions.twoFactor) {
        totpSecret = generateTotpSecret();
        updateRow(store, 'user', user.id, { totp_secret: totpSecret, totp_enabled: true });
      }
      return describeUser(user.id, password, totpSecret);
    },
    issueToken: (userId, tokenOptions) => context.issueToken(userId, tokenOptions),
    seedApplication: async (seedOptions) => seedApplication(store, seedOptions.owner ?? superuserId, seedOptions),
    seedDevices: async (seedOptions) => seedDevices(store, seedOptions),
    seedRelease: async (seedOptions) => seedRelease(store, seedOptions),
    addMembership: async (membership) => ({ id: addMembership(store, membership).id }),
    requestCount: () => requests,
    ...runtime,
  };
  return sandbox;
}
