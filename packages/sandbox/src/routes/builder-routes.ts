import type { SandboxContext } from '../context.js';
import { hasFleetRole } from '../domain/fleet-roles.js';
import { flattenTarball, MAX_TARBALL_BYTES, projectServices, readTarball } from '../domain/project-tarball.js';
import { seedRelease } from '../domain/seeding.js';
import { HttpError } from '../http/http-error.js';
import { sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';

/** The builder's error shape, which balena-sdk turns into the error's message (`message`, else `error`). */
function builderError(status: number, message: string): HttpError {
  return new HttpError(status, { kind: 'json', value: { started: false, error: message, message } });
}

function fields(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * A simulated balena builder: `POST /v3/buildFromUrl?owner=&app=` (balena-sdk's
 * `release.createFromUrl`) reads a project tarball from the sandbox itself (never the network) and
 * creates a successful release with one image per service, as a finished cloud build would. Not
 * balena's code: the builder is not public, so its checks and messages here are the sandbox's own.
 */
export function registerBuilderRoutes(context: SandboxContext, router: Router): void {
  const { store } = context;

  router.add('POST', '/v3/buildFromUrl', async (request, response) => {
    const actor = context.requireUser(context.authenticate(request));
    const owner = request.query.get('owner') ?? '';
    const appName = request.query.get('app') ?? '';
    const body = fields(await request.body());
    const access = context.access(actor);
    const organization = store.findUnique('organization', ['handle'], [owner]);
    const application = organization
      ? [...store.referencing('application', 'organization', organization.id)].find(
          (row) => String(row.app_name).toLowerCase() === appName.toLowerCase(),
        )
      : undefined;
    if (!application || !access.applications().has(application.id)) {
      throw builderError(404, `Application ${owner}/${appName} not found`);
    }
    if (!hasFleetRole(access.fleetRole(application.id), 'developer')) {
      throw builderError(403, 'You do not have permission to deploy to this application');
    }
    if (typeof body.url !== 'string' || body.url === '') throw builderError(400, 'A tarball url is required');
    let url: URL;
    try {
      url = new URL(body.url);
    } catch {
      throw builderError(400, `Invalid tarball url: ${body.url}`);
    }
    // Only the sandbox's own origin: the sandbox never reaches the network.
    if (url.origin !== new URL(context.url).origin) {
      throw builderError(400, `The sandbox's builder only fetches tarballs from ${context.url}: ${url.origin}`);
    }
    const fetched = await fetch(url, { redirect: 'error' }).catch(() => undefined);
    if (!fetched?.ok) throw builderError(400, `Could not download the tarball from ${url.href}`);
    const bytes = new Uint8Array(await fetched.arrayBuffer());
    if (bytes.length > MAX_TARBALL_BYTES) throw builderError(400, 'The tarball is too large');
    let files: Map<string, Buffer>;
    try {
      files = readTarball(bytes);
    } catch {
      throw builderError(400, 'The url does not point to a tarball');
    }
    const services = projectServices(body.shouldFlatten === false ? files : flattenTarball(files));
    if (!services) throw builderError(400, 'No Dockerfile or docker-compose.yml found in the project');
    const release = seedRelease(store, { application: application.id, services });
    store.put('release', { ...store.get('release', release.id)!, is_created_by__user: actor.userId });
    sendJson(response, 200, { started: true, releaseId: release.id });
  });
}
