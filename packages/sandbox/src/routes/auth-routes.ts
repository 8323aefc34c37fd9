import { verifyPassword } from '../auth/password.js';
import { randomHex } from '../auth/random.js';
import { RateLimiter } from '../auth/rate-limit.js';
import type { SandboxContext } from '../context.js';
import type { Actor } from '../domain/actor.js';
import { sendVerificationMail, VERIFICATION_FLAG } from '../domain/email-verification.js';
import { createUserWithOrganization, findUserByLogin } from '../domain/users.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendJson, sendText } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The `/actor/v1/whoami` shape for each kind of actor. */
function actorSummary(context: SandboxContext, actor: Actor): Record<string, unknown> {
  const { store } = context;
  // A 2FA-pending user is not fully authenticated and has no actor yet (as open-balena-api).
  if (actor.kind === 'user' && !actor.partial) {
    const user = store.get('user', actor.userId)!;
    return { id: actor.actorId, actorType: 'user', actorTypeId: user.id, username: user.username, email: user.email };
  }
  if (actor.kind === 'application') {
    const application = store.get('application', actor.applicationId)!;
    return { id: actor.actorId, actorType: 'application', actorTypeId: application.id, slug: application.slug };
  }
  if (actor.kind === 'device') {
    const device = store.get('device', actor.deviceId)!;
    return { id: actor.actorId, actorType: 'device', actorTypeId: device.id, uuid: device.uuid };
  }
  if (actor.kind === 'orphan') throw messageError(401, `Actor ${actor.actorId} is not associated to any resource`);
  throw emptyError(401);
}

/** Login, whoami, token refresh and signup. */
export function registerAuthRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;
  const logins = new RateLimiter(() => context.now());

  router.add('POST', '/login_', async (request, response) => {
    const body = fields(await request.body());
    const login = body.username ?? body.email;
    if (typeof login !== 'string' || typeof body.password !== 'string') throw emptyError(400);
    // balena counts attempts per address and user name; a successful login starts afresh.
    const attempts = `${request.raw.socket.remoteAddress}$${login}`;
    logins.consume(attempts);
    const user = findUserByLogin(store, login);
    if (!user || !verifyPassword(body.password, String(user.password_hash))) throw emptyError(401);
    logins.reset(attempts);
    const twoFactor = user.totp_enabled === true ? { twoFactorRequired: true } : {};
    sendText(response, 200, context.issueToken(user.id, twoFactor));
  });

  router.add('GET', '/user/v1/whoami', (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const user = store.get('user', actor.userId)!;
    sendJson(response, 200, { id: user.id, username: user.username, email: user.email });
  });

  router.add('GET', '/actor/v1/whoami', (request, response) => {
    const actor = context.authenticate(request);
    sendJson(response, 200, actorSummary(context, actor));
  });

  const refresh = (request: SandboxRequest, response: import('node:http').ServerResponse) => {
    const claims = context.jwtClaims(request);
    const actor = context.authenticate(request);
    // Only a session token refreshes: a JWT minted from an API key would outlive the key.
    if (actor.kind !== 'user' || actor.viaApiKey) throw emptyError(401);
    // A partial (2FA pending) token refreshes into a partial token; a passed one stays passed.
    const twoFactor = claims?.twoFactorRequired === undefined ? {} : { twoFactorRequired: claims.twoFactorRequired };
    sendText(response, 200, context.issueToken(actor.userId, { ...twoFactor, authTimeMs: claims?.authTime }));
  };
  router.add('GET', '/user/v1/refresh-token', refresh);
  router.add('POST', '/user/v1/refresh-token', refresh);

  router.add('POST', '/user/register', async (request, response) => {
    const body = fields(await request.body());
    const { email, password } = body;
    if (typeof email !== 'string' || !email.includes('@') || typeof password !== 'string' || password.length === 0) {
      throw messageError(400, 'Email and password are required');
    }
    // A user name is never an e-mail address: logins by e-mail address must reach its owner.
    if (typeof body.username === 'string' && body.username.includes('@')) {
      throw messageError(400, 'Username cannot contain @');
    }
    const username =
      typeof body.username === 'string' && body.username !== ''
        ? body.username
        : `${email.split('@')[0]!.replace(/[^a-zA-Z0-9_]/g, '_')}_${randomHex(4)}`;
    const { user } = createUserWithOrganization(store, { username, email, password });
    // balena-cloud mails a new account its first verification link ("re-send" is the SDK's other call).
    sendVerificationMail(store, { ...user, [VERIFICATION_FLAG]: true });
    sendText(response, 200, context.issueToken(user.id));
  });
}
