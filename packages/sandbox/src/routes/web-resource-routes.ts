import type { SandboxContext } from '../context.js';
import {
  findWebResourceRow,
  trackWebResources,
  WEB_RESOURCE_FIELDS,
  WEB_RESOURCE_PATH,
} from '../domain/web-resources.js';
import { emptyError } from '../http/http-error.js';
import type { Router } from '../http/router.js';

/**
 * The bytes of uploaded files (release assets) at the `href` their rows carry. As balena's
 * pre-signed S3 URLs, the URL itself is the permission (no token is sent with it); it stops working
 * once the row is deleted or given another file.
 */
export function registerWebResourceRoutes(context: SandboxContext, router: Router): void {
  trackWebResources(context.store, context.webResources);
  router.add('GET', `${WEB_RESOURCE_PATH}/:key`, async (request, response) => {
    const key = String(request.params.key);
    const found = [...WEB_RESOURCE_FIELDS.keys()]
      .map((resource) => findWebResourceRow(context.store, resource, key))
      .find((entry) => entry !== undefined);
    const file = found ? await context.webResources.open(key) : undefined;
    // S3 answers 403 for a key it does not hold (and an expired signature alike).
    if (!found || !file) throw emptyError(403);
    const filename = found.value.filename.replace(/["\\\r\n]/g, '_');
    response.writeHead(200, {
      'Content-Type': found.value.content_type || 'application/octet-stream',
      'Content-Length': file.size,
      'Content-Disposition': `attachment; filename="${filename}"`,
    });
    file.stream.pipe(response);
    response.on('close', () => file.stream.destroy());
  });
}
