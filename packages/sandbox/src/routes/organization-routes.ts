import type { SandboxContext } from '../context.js';
import { consumeVerificationToken } from '../domain/email-verification.js';
import { sentMails } from '../domain/outbox.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendEmpty, sendJson, sendText } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { insertRow } from '../store/new-row.js';

const INVITE = 'invitee__is_invited_to__organization';

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * Accepting organization invites (`POST /org/v1/invitation/:token`), verifying e-mail addresses
 * (`POST /user/v1/verify-email`), and the outbox of what balena would have mailed
 * (`GET /sandbox/v1/mail`, superuser only, not part of balena's API).
 */
export function registerOrganizationRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  router.add('POST', '/org/v1/invitation/:token', (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const token = request.params.token ?? '';
    let invite: import('../store/row.js').Row | undefined;
    for (const row of store.all(INVITE)) {
      if (token !== '' && row.invitation_token === token) invite = row;
    }
    // Accepted and revoked invites are gone, so a second accept finds nothing.
    if (!invite) throw messageError(404, 'Invitation not found');
    const organization = invite.is_invited_to__organization as number;
    if (
      store.findUnique('organization_membership', ['user', 'is_member_of__organization'], [actor.userId, organization])
    ) {
      throw messageError(409, 'You are already a member of this organization');
    }
    insertRow(store, 'organization_membership', {
      user: actor.userId,
      is_member_of__organization: organization,
      organization_membership_role: invite.organization_membership_role,
    });
    store.remove(INVITE, invite.id);
    sendEmpty(response, 200);
  });

  router.add('POST', '/user/v1/verify-email', async (request, response) => {
    const body = fields(await request.body());
    const { email, verificationToken } = body;
    if (typeof email !== 'string' || typeof verificationToken !== 'string' || verificationToken === '') {
      throw emptyError(400);
    }
    const user = consumeVerificationToken(store, email, verificationToken);
    if (!user) throw messageError(401, 'Invalid or expired verification token');
    sendText(response, 200, context.issueToken(user.id));
  });

  router.add('GET', '/sandbox/v1/mail', (request, response) => {
    const actor = context.authenticate(request);
    if (actor.kind !== 'user' || actor.partial || actor.userId !== context.superuserId) throw emptyError(401);
    sendJson(response, 200, { d: sentMails(store) });
  });
}
