import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.js';
import type { Actor } from '../domain/actor.js';
import { createApiKey } from '../domain/api-keys.js';
import { hasFleetRole } from '../domain/fleet-roles.js';
import { reportedOsRelease } from '../domain/host-os-target.js';
import { randomDeviceName } from '../domain/names.js';
import { successfulRelease } from '../domain/release-commit.js';
import { deviceTypeId } from '../domain/seeding.js';
import { applyStateReport } from '../domain/state-report.js';
import { targetStateV2, targetStateV3 } from '../domain/target-state.js';
import { emptyError, HttpError } from '../http/http-error.js';
import { HTML_CONTENT_TYPE, sendEmpty, sendJson, sendText } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';
import { attachActor, newRow } from '../store/new-row.js';
import type { Row } from '../store/row.js';

const API_KEY_REQUIRED = new HttpError(401, { kind: 'json', value: { error: 'API key required' } });

function fields(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw emptyError(400);
  return body as Record<string, unknown>;
}

/** The device a device key belongs to (401 for any other credential). */
function deviceOfKey(context: SandboxContext, actor: Actor): Row {
  if (actor.kind !== 'device') throw emptyError(401);
  const device = context.store.get('device', actor.deviceId);
  if (!device) throw emptyError(401);
  return device;
}

/** Device registration, target state and state reports. */
export function registerDeviceRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  router.add('POST', '/device/register', async (request, response) => {
    const actor = context.authenticate(request);
    if (actor.kind === 'guest' || actor.kind === 'orphan') throw API_KEY_REQUIRED;
    const body = fields(await request.body());
    const applicationId = Number(body.application);
    const application = store.get('application', applicationId);
    const allowed =
      actor.kind === 'application'
        ? actor.applicationId === applicationId
        : // Registering a device is managing the fleet's devices: operators and above.
          actor.kind === 'user' && hasFleetRole(context.access(actor).fleetRole(applicationId), 'operator');
    if (!application || !allowed) throw emptyError(401);
    if (typeof body.uuid !== 'string' || body.uuid === '' || typeof body.device_type !== 'string')
      throw emptyError(400);
    let typeId: number;
    try {
      typeId = deviceTypeId(store, body.device_type);
    } catch {
      throw emptyError(400);
    }
    if (store.findUnique('device', ['uuid'], [body.uuid])) {
      // balena sends this JSON string labelled text/html.
      sendText(response, 409, '"uuid" must be unique.', HTML_CONTENT_TYPE);
      return;
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    const device = newRow(store, 'device', {
      uuid: body.uuid,
      device_name: randomDeviceName(),
      belongs_to__application: applicationId,
      is_of__device_type: typeId,
      supervisor_version: text(body.supervisor_version),
      os_version: text(body.os_version),
      os_variant: text(body.os_variant),
      mac_address: text(body.mac_address),
      // balena-cloud: inactive until the device first reaches the API.
      is_active: false,
    });
    // balena targets the OS release a device registers with (its `version` and `variant` tags).
    if (typeof device.os_version === 'string' && typeof device.os_variant === 'string') {
      device.should_be_operated_by__release =
        reportedOsRelease(store, device, device.os_version, device.os_variant) ?? null;
    }
    attachActor(store, 'device', device);
    store.put('device', device);
    const requestedKey = typeof body.api_key === 'string' && body.api_key.length > 0 ? body.api_key : undefined;
    const key = createApiKey(store, device.actor as number, { name: null, description: null });
    if (requestedKey) {
      const stored = store.findUnique('api_key', ['key'], [key])!;
      store.put('api_key', { ...stored, key: requestedKey });
    }
    sendJson(response, 201, { id: device.id, uuid: device.uuid, api_key: requestedKey ?? key });
  });

  const readState = (version: 2 | 3) => (request: SandboxRequest, response: ServerResponse) => {
    // balena reads a request's API key from `?apikey=` before the Authorization header, and the
    // poll's heartbeat follows that key: balena-sdk sends a device key so while logged in as a user.
    const queryKey = request.query.get('apikey');
    const keyed = queryKey ? context.actorOfApiKey(queryKey) : undefined;
    const actor = keyed?.kind === 'device' ? keyed : context.authenticate(request);
    const uuid = request.params.uuid ?? '';
    if (actor.kind === 'device') {
      const device = deviceOfKey(context, actor);
      if (device.uuid !== uuid) throw emptyError(401);
      context.markHeartbeat(device.id);
    } else if (actor.kind !== 'user' || actor.partial) {
      throw emptyError(401);
    }
    const device = context.requireDevice(actor, uuid);
    sendJson(response, 200, version === 3 ? targetStateV3(store, device) : targetStateV2(store, device));
  };
  router.add('GET', '/device/v3/:uuid/state', readState(3));
  router.add('GET', '/device/v2/:uuid/state', readState(2));

  router.add('PATCH', '/device/v3/state', async (request, response) => {
    const device = deviceOfKey(context, context.authenticate(request));
    const body = fields(await request.body());
    // A device reports only about itself; naming another device is refused (401).
    if (Object.keys(body).some((uuid) => uuid !== device.uuid)) throw emptyError(401);
    const report = body[device.uuid as string];
    if (report !== undefined) applyStateReport(store, device, fields(report));
    sendEmpty(response, 200);
  });

  router.add('PATCH', '/device/v2/state', async (request, response) => {
    const device = deviceOfKey(context, context.authenticate(request));
    const body = fields(await request.body());
    const local = body.local === undefined ? {} : fields(body.local);
    applyStateReport(store, device, local);
    sendEmpty(response, 200);
  });

  // A generic device of the fleet: the fleet's config, and the release it tracks or the successful
  // release of the fleet named by `releaseUuid` (401 for any other), keyed by the fleet's uuid.
  router.add('GET', '/device/v3/fleet/:uuid/state', (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const application = store.findUnique('application', ['uuid'], [request.params.uuid]);
    if (!application || !context.access(actor).applications().has(application.id)) throw emptyError(401);
    const releaseUuid = request.query.get('releaseUuid');
    let pinned: number | null = null;
    if (releaseUuid) {
      const release = successfulRelease(store, application.id, releaseUuid);
      if (!release) throw emptyError(401);
      pinned = release.id;
    }
    const placeholder: Row = {
      id: 0,
      uuid: application.uuid,
      device_name: application.app_name,
      belongs_to__application: application.id,
      is_pinned_on__release: pinned,
    };
    sendJson(response, 200, targetStateV3(store, placeholder));
  });
}
