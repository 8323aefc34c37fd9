import type { SandboxContext } from '../context.js';
import { messageError } from '../http/http-error.js';
import { sendEmpty } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { insertRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';
import { APPLICATION_INVITE } from '../store/schema-application-invites.js';

/**
 * Accepting a fleet invite (`POST /user/v1/invitation/:token`, what balena-sdk's
 * `application.invite.accept` sends): the user becomes a member of the fleet with the invite's role
 * (and a member of its organization, which every fleet member must be); the invite is then gone, so
 * a second accept, or one of a revoked invite, finds nothing.
 */
export function registerApplicationInviteRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;
  router.add('POST', '/user/v1/invitation/:token', (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const token = request.params.token ?? '';
    let invite: Row | undefined;
    for (const row of store.all(APPLICATION_INVITE)) {
      if (token !== '' && row.invitation_token === token) invite = row;
    }
    if (!invite) throw messageError(404, 'Invitation not found');
    const application = store.get('application', invite.is_invited_to__application as number);
    if (!application) throw messageError(404, 'Invitation not found');
    const fleet = application.id;
    if (store.findUnique('user_application_membership', ['user', 'is_member_of__application'], [actor.userId, fleet])) {
      throw messageError(409, 'You are already a member of this application');
    }
    const organization = application.organization as number;
    if (
      !store.findUnique('organization_membership', ['user', 'is_member_of__organization'], [actor.userId, organization])
    ) {
      const member = store.findUnique('organization_membership_role', ['name'], ['member']);
      insertRow(store, 'organization_membership', {
        user: actor.userId,
        is_member_of__organization: organization,
        organization_membership_role: member?.id ?? null,
      });
    }
    insertRow(store, 'user_application_membership', {
      user: actor.userId,
      is_member_of__application: fleet,
      application_membership_role: invite.application_membership_role,
    });
    store.remove(APPLICATION_INVITE, invite.id);
    sendEmpty(response, 200);
  });
}
