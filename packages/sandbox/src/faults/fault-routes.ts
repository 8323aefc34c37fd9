import type { SandboxContext } from '../context.js';
import { emptyError, messageError } from '../http/http-error.js';
import { sendJson } from '../http/respond.js';
import type { Middleware, Router, SandboxRequest } from '../http/router.js';
import { SIMULATOR_HEADER } from '../simulator/agent-api.js';
import { applyFault } from './fault-actions.js';
import { faultsOf } from './fault-registry.js';
import type { FaultSpec } from './fault-types.js';

/** The admin API's own path: never subject to faults, so a test can always clear them. */
const FAULTS_PATH = '/sandbox/v1/faults';

/**
 * Fault injection: a middleware placed first in the chain (so it applies to every route), and the
 * superuser-only admin API `POST/GET/DELETE /sandbox/v1/faults`.
 */
export function registerFaultRoutes(context: SandboxContext, router: Router, middleware: Middleware[]): void {
  const faults = faultsOf(context);

  middleware.unshift(async (request, response, next) => {
    if (request.path.startsWith(FAULTS_PATH) || request.raw.headers[SIMULATOR_HEADER] !== undefined) return next();
    const fault = faults.take(request.method, request.path);
    if (!fault) return next();
    return applyFault(fault.action, request, response, next);
  });

  const requireSuperuser = (request: SandboxRequest) => {
    const actor = context.authenticate(request);
    if (actor.kind !== 'user' || actor.partial || actor.userId !== context.superuserId) throw emptyError(401);
  };

  router.add('GET', FAULTS_PATH, (request, response) => {
    requireSuperuser(request);
    sendJson(response, 200, faults.list());
  });

  router.add('POST', FAULTS_PATH, async (request, response) => {
    requireSuperuser(request);
    const body = (await request.body()) as FaultSpec;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw messageError(400, 'A fault must be an object');
    sendJson(response, 201, faults.add(body).info());
  });

  router.add('DELETE', FAULTS_PATH, (request, response) => {
    requireSuperuser(request);
    faults.clear();
    sendJson(response, 200, []);
  });

  router.add('DELETE', `${FAULTS_PATH}/:id`, (request, response) => {
    requireSuperuser(request);
    if (!faults.remove(Number(request.params.id))) throw messageError(404, 'No such fault');
    sendJson(response, 200, faults.list());
  });
}
