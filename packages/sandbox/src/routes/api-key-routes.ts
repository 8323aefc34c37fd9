import type { SandboxContext } from '../context.js';
import type { Actor } from '../domain/actor.js';
import { createApiKey, parseExpiry } from '../domain/api-keys.js';
import { hasFleetRole } from '../domain/fleet-roles.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';

/**
 * The one role a key of each actor type may be made with through `/api-key/v1` and `/v2`: balena
 * asks `canAccess` for `create-<role>` on the actor, which grants only these, and answers 403
 * otherwise.
 */
const ROLE_OF_ACTOR_TYPE = {
  application: 'provisioning-api-key',
  device: 'device-api-key',
  user: 'named-user-api-key',
} as const;

/** What a key can be made for. */
type KeyActorType = keyof typeof ROLE_OF_ACTOR_TYPE;

/** The actor type and role of a key request, refused as balena refuses them (400 before anything is looked up). */
function checkRoles(actorType: string, roles: unknown, name: unknown): { type: KeyActorType; role: string } {
  if (!Object.hasOwn(ROLE_OF_ACTOR_TYPE, actorType)) throw messageError(400, 'Unsupported actor type');
  if (!Array.isArray(roles) || roles.length !== 1 || typeof roles[0] !== 'string') {
    throw messageError(400, 'API Keys currently only support a single role');
  }
  const [role] = roles as [string];
  if ((name === undefined || name === null || name === '') && role.startsWith('named-')) {
    throw messageError(400, `API keys with the '${role}' role require a name`);
  }
  return { type: actorType as KeyActorType, role };
}

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** API keys of every kind: user, provisioning (fleet) and device keys. */
export function registerApiKeyRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  /** The actor id of a fleet or device the caller may administer (404 otherwise, as balena hides it). */
  const resolveTarget = (actor: Actor, resource: KeyActorType, id: number): number => {
    const access = context.access(actor);
    if (resource === 'user') {
      if (actor.kind !== 'user' || actor.userId !== id) throw emptyError(401);
      return actor.actorId;
    }
    const row = store.get(resource, id);
    const scope = access.writeScope(resource);
    // Provisioning keys are device management: operators make them, though they may not change the fleet.
    const allowed =
      resource === 'application'
        ? hasFleetRole(access.fleetRole(row?.id), 'operator')
        : scope !== 'none' && !!row && scope(row);
    if (!row || !allowed) throw emptyError(404);
    return row.actor as number;
  };

  router.add('POST', '/api-key/user/full', async (request, response) => {
    const actor = context.authenticate(request);
    if (actor.kind !== 'user' || actor.partial) throw emptyError(401);
    if (actor.viaApiKey) throw messageError(400, 'Must use user auth');
    const body = fields(await request.body());
    if (typeof body.name !== 'string' || body.name === '') throw messageError(400, 'API keys must have a name');
    sendJson(response, 200, createApiKey(store, actor.actorId, body));
  });

  const createV2 =
    (requireExpiry: boolean) =>
    async (request: import('./../http/router.js').SandboxRequest, response: import('node:http').ServerResponse) => {
      const actor = context.requireUser(context.authenticate(request));
      const body = fields(await request.body());
      // v2 makes expiryDate mandatory (null is allowed): without it balena answers 400 "Key expiry date should be a valid date".
      if (requireExpiry && !('expiryDate' in body)) throw messageError(400, 'Key expiry date should be a valid date');
      parseExpiry(body.expiryDate);
      const { type, role } = checkRoles(String(body.actorType ?? ''), body.roles, body.name);
      const actorTypeId = Number(body.actorTypeId);
      if (!Number.isInteger(actorTypeId)) throw messageError(400, 'Actor type id must be a number');
      const actorId = resolveTarget(actor, type, actorTypeId);
      if (role !== ROLE_OF_ACTOR_TYPE[type]) throw messageError(403, 'Forbidden');
      sendJson(response, 200, createApiKey(store, actorId, body));
    };
  router.add('POST', '/api-key/v2', createV2(true));
  router.add('POST', '/api-key/v1', createV2(false));

  router.add('POST', '/api-key/application/:id/provisioning', async (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const body = fields(await request.body());
    const actorId = resolveTarget(actor, 'application', Number(request.params.id));
    sendJson(response, 200, createApiKey(store, actorId, body));
  });

  router.add('POST', '/api-key/device/:id/device-key', async (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const body = fields(await request.body());
    const actorId = resolveTarget(actor, 'device', Number(request.params.id));
    sendJson(response, 200, createApiKey(store, actorId, body));
  });
}
