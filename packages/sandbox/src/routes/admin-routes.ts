import type { SandboxContext } from '../context.js';
import { seedApplication, seedDevices, seedRelease } from '../domain/seeding.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendJson } from '../http/respond.js';
import type { Router, SandboxRequest } from '../http/router.js';

function fields(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw messageError(400, 'A JSON object is required');
  return body as Record<string, unknown>;
}

/**
 * `/sandbox/v1/*`: seeding over HTTP for the superuser (CLI users, demos). Not part of balena's API.
 */
export function registerAdminRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;
  const requireSuperuser = (request: SandboxRequest) => {
    const actor = context.authenticate(request);
    if (actor.kind !== 'user' || actor.partial || actor.userId !== context.superuserId) throw emptyError(401);
  };
  const guarded =
    (work: (body: Record<string, unknown>) => unknown, status = 201) =>
    async (request: SandboxRequest, response: import('node:http').ServerResponse) => {
      requireSuperuser(request);
      const body = fields((await request.body()) ?? {});
      try {
        sendJson(response, status, work(body));
      } catch (error) {
        if (error instanceof Error && !('status' in error)) throw messageError(400, error.message);
        throw error;
      }
    };

  router.add(
    'POST',
    '/sandbox/v1/applications',
    guarded((body) =>
      seedApplication(store, Number(body.owner ?? context.superuserId), {
        name: String(body.name ?? ''),
        ...(typeof body.deviceType === 'string' ? { deviceType: body.deviceType } : {}),
      }),
    ),
  );
  router.add(
    'POST',
    '/sandbox/v1/devices',
    guarded((body) => {
      const count = Number(body.count ?? 1);
      if (!Number.isInteger(count) || count < 1 || count > 100_000)
        throw new Error('count must be between 1 and 100000');
      return seedDevices(store, {
        application: Number(body.application),
        count,
        ...(typeof body.deviceType === 'string' ? { deviceType: body.deviceType } : {}),
        ...(typeof body.namePrefix === 'string' ? { namePrefix: body.namePrefix } : {}),
      });
    }),
  );
  router.add(
    'POST',
    '/sandbox/v1/releases',
    guarded((body) =>
      seedRelease(store, {
        application: Number(body.application),
        ...(Array.isArray(body.services) ? { services: body.services.map(String) } : {}),
        ...(typeof body.commit === 'string' ? { commit: body.commit } : {}),
        ...(typeof body.semver === 'string' ? { semver: body.semver } : {}),
      }),
    ),
  );
  router.add(
    'PATCH',
    '/sandbox/v1/settings',
    guarded((body) => {
      if (body.heartbeatTimeoutMs !== undefined) {
        const timeout = Number(body.heartbeatTimeoutMs);
        if (!Number.isFinite(timeout) || timeout <= 0) throw new Error('heartbeatTimeoutMs must be a positive number');
        context.config.heartbeatTimeoutMs = timeout;
      }
      if (typeof body.deviceUrlsBase === 'string') context.config.deviceUrlsBase = body.deviceUrlsBase;
      return { heartbeatTimeoutMs: context.config.heartbeatTimeoutMs, deviceUrlsBase: context.config.deviceUrlsBase };
    }, 200),
  );
}
