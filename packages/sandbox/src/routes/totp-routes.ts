import { verifyPassword } from '../auth/password.js';
import { randomHex } from '../auth/random.js';
import { RateLimiter } from '../auth/rate-limit.js';
import { generateTotpSecret, verifyTotp } from '../auth/totp.js';
import type { SandboxContext } from '../context.js';
import { emptyError } from '../http/http-error.js';
import { sendJson, sendText } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { updateRow } from '../store/new-row.js';

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Two-factor authentication with real TOTP codes (balena-cloud's `/auth/totp/*`). */
export function registerTotpRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;
  // Six digits fall to guessing without a limit: attempts are counted as logins are.
  const verifications = new RateLimiter(() => context.now());

  router.add('GET', '/auth/totp/setup', (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    if (actor.viaApiKey) throw emptyError(401);
    const user = store.get('user', actor.userId)!;
    const secret = generateTotpSecret();
    updateRow(store, 'user', user.id, { totp_pending_secret: secret });
    const label = encodeURIComponent(String(user.username));
    sendJson(response, 200, `otpauth://totp/balena:${label}?secret=${secret}&issuer=balena`);
  });

  router.add('POST', '/auth/totp/verify', async (request, response) => {
    const actor = context.requireUser(context.authenticate(request), true);
    if (actor.viaApiKey) throw emptyError(401);
    const { code } = fields(await request.body());
    if (typeof code !== 'string' && typeof code !== 'number') throw emptyError(400);
    const user = store.get('user', actor.userId)!;
    const secret = (user.totp_enabled === true ? user.totp_secret : user.totp_pending_secret) as string | undefined;
    if (!secret) throw emptyError(400);
    const attempts = `${request.raw.socket.remoteAddress}$${user.id}`;
    verifications.consume(attempts);
    if (!verifyTotp(secret, String(code), context.now())) throw emptyError(401);
    verifications.reset(attempts);
    if (user.totp_enabled !== true) {
      updateRow(store, 'user', user.id, { totp_enabled: true, totp_secret: secret, totp_pending_secret: null });
    }
    sendText(response, 200, context.issueToken(user.id, { twoFactorRequired: false }));
  });

  router.add('POST', '/auth/totp/disable', async (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    if (actor.viaApiKey) throw emptyError(401);
    const { password } = fields(await request.body());
    const user = store.get('user', actor.userId)!;
    if (typeof password !== 'string' || !verifyPassword(password, String(user.password_hash))) throw emptyError(401);
    // A new jwt_secret revokes the tokens that carried the 2FA claim.
    updateRow(store, 'user', user.id, {
      totp_enabled: false,
      totp_secret: null,
      totp_pending_secret: null,
      jwt_secret: randomHex(32),
    });
    sendText(response, 200, context.issueToken(user.id));
  });
}
