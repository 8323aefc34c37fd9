import type { SandboxContext } from '../context.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendEmpty } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { simulatorOf } from '../simulator/device-simulator.js';
import { forwardToSupervisor } from './forward.js';

const LOCKED_STATUS = 423;

/**
 * `POST /application/:id/restart` (balena-cloud; the SDKs' `application.restart`): asks the
 * supervisor of every online device of the fleet to restart the fleet's containers, as the proxy's
 * `v1/restart` would. Devices that are offline are skipped; one holding its update lock makes the
 * answer a 423 (the others restart all the same).
 */
export function registerRestartRoutes(context: SandboxContext, router: Router): void {
  router.add('POST', '/application/:id/restart', async (request, response) => {
    const actor = context.authenticate(request);
    if (actor.kind === 'guest' || actor.kind === 'orphan' || (actor.kind === 'user' && actor.partial)) {
      throw emptyError(401);
    }
    const idText = request.params.id ?? '';
    const application = /^\d+$/.test(idText) ? context.store.get('application', Number(idText)) : undefined;
    const access = context.access(actor);
    const readable = access.readScope('application');
    if (!application || readable === 'none' || !readable(application)) {
      throw messageError(404, `No application with id ${idText}`);
    }
    const writable = access.writeScope('application');
    if (writable === 'none' || !writable(application)) throw emptyError(403);

    const online = context.store
      .referencing('device', 'belongs_to__application', application.id)
      .filter((device) => device.is_connected_to_vpn === true && device.is_frozen !== true);
    const simulator = simulatorOf(context);
    const replies = await Promise.all(
      online.map((device) =>
        forwardToSupervisor(simulator.agentOf(device.id), simulator, {
          method: 'POST',
          path: '/v1/restart',
          data: { appId: application.id },
        }),
      ),
    );
    const locked = replies.find((reply) => reply.status === LOCKED_STATUS);
    if (locked) {
      const headers: Record<string, string | number> = { 'Content-Length': Buffer.byteLength(locked.text) };
      if (locked.contentType) headers['Content-Type'] = locked.contentType;
      response.writeHead(LOCKED_STATUS, headers);
      response.end(locked.text);
      return;
    }
    sendEmpty(response, 200);
  });
}
