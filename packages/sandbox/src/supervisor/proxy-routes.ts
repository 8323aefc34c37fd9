import type { SandboxContext } from '../context.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import { simulatorOf } from '../simulator/device-simulator.js';
import type { Row } from '../store/row.js';
import { forwardToSupervisor, type SupervisorReply } from './forward.js';

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The devices a proxy body names: by uuid, by id, or every device of a fleet (all given filters apply). */
function namedDevices(context: SandboxContext, body: Record<string, unknown>): Row[] {
  const { store } = context;
  const hasUuid = typeof body.uuid === 'string' && body.uuid !== '';
  const hasDeviceId = body.deviceId !== undefined && body.deviceId !== null;
  const hasAppId = body.appId !== undefined && body.appId !== null;
  if (!hasUuid && !hasDeviceId && !hasAppId) {
    throw messageError(400, 'A uuid, deviceId or appId is required');
  }
  let devices: Row[];
  if (hasUuid) {
    const device = store.findUnique('device', ['uuid'], [body.uuid]);
    devices = device ? [device] : [];
  } else if (hasDeviceId) {
    const device = store.get('device', Number(body.deviceId));
    devices = device ? [device] : [];
  } else {
    devices = store.referencing('device', 'belongs_to__application', Number(body.appId));
  }
  if (hasDeviceId) devices = devices.filter((device) => device.id === Number(body.deviceId));
  if (hasAppId) devices = devices.filter((device) => device.belongs_to__application === Number(body.appId));
  return devices;
}

/**
 * `POST /supervisor/<path>`: balena's supervisor proxy. Reaches the named devices
 * the caller can see that are connected to the (in-process) VPN, forwards the call to each one's
 * supervisor, passes one answer through or gathers several into a 207.
 */
export function registerSupervisorProxyRoutes(context: SandboxContext, router: Router): void {
  router.add('POST', '/supervisor/*', async (request, response) => {
    const actor = context.authenticate(request);
    if (actor.kind === 'guest' || actor.kind === 'orphan' || (actor.kind === 'user' && actor.partial)) {
      throw emptyError(401);
    }
    const body = fields(await request.body());
    const access = context.access(actor);
    const readable = access.readScope('device');
    const writable = access.writeScope('device');
    const visible = namedDevices(context, body).filter((device) => readable !== 'none' && readable(device));
    const online = visible.filter((device) => device.is_connected_to_vpn === true && device.is_frozen !== true);
    if (online.length === 0) throw messageError(404, 'No online device(s) found');
    if (writable === 'none' || online.some((device) => !writable(device))) throw emptyError(403);
    const path = `/${(request.params.tail ?? '').replace(/^\/+/, '')}`;
    const method = typeof body.method === 'string' ? body.method.toUpperCase() : 'POST';
    const simulator = simulatorOf(context);
    const replies: SupervisorReply[] = await Promise.all(
      online.map((device) =>
        forwardToSupervisor(simulator.agentOf(device.id), simulator, { method, path, data: body.data }),
      ),
    );
    if (replies.length === 1) {
      const reply = replies[0]!;
      const headers: Record<string, string | number> = { 'Content-Length': Buffer.byteLength(reply.text) };
      if (reply.contentType) headers['Content-Type'] = reply.contentType;
      response.writeHead(reply.status, headers);
      response.end(reply.text);
      return;
    }
    sendJson(
      response,
      207,
      replies.map((reply) => ({ statusCode: reply.status, body: reply.body })),
    );
  });
}
